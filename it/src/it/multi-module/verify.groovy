import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// each module's check judged its own results
['orders': 1, 'payments': 2].each { module, tests ->
    def summary = new JsonSlurper().parse(new File(basedir, "$module/target/perfgate/summary.json"))
    assert summary.status == 'PASSED'
    assert summary.counts.tests == tests
}
assert !new File(basedir, 'docs/target/perfgate/summary.json').exists()
assert log.contains('no gated test ran in this module')

// report-aggregate ran in every module but acted once, after the last one, and wrote at the root
assert (log =~ /Aggregate report: /).size() == 1
assert log.contains('perfgate: PASSED - 2 of 3 modules with perf tests')
def html = new File(basedir, 'target/perfgate-aggregate/index.html')
assert html.isFile()
['orders', 'payments', 'docs', 'no perf tests',
 '../../orders/target/perfgate/index.html', '../../payments/target/perfgate/index.html'].each {
    assert html.text.contains(it) : "the aggregate report lacks $it"
}
def markdown = new File(basedir, 'target/perfgate-aggregate/summary.md').text
assert markdown.contains('| orders | PASSED | 1 |')
assert markdown.contains('| payments | PASSED | 2 |')
assert markdown.contains('| docs | no perf tests |')

// the CI job summary was written once, for the whole build: the aggregate, each module's section once
def step = new File(basedir, 'target/step-summary.md').text
assert step.trim() == markdown.trim()
assert (step =~ /(?m)^## perfgate: /).size() == 1
assert (step =~ /(?m)^### Module orders$/).size() == 1
assert (step =~ /(?m)^#### perfgate: PASSED$/).size() == 2
assert (step =~ /(?m)^### Module payments$/).size() == 1
assert step.contains('priceOrder') && step.contains('authorize') && step.contains('capture')
return true
