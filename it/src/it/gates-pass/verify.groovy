import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')

assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 7, Failures: 0, Errors: 0, Skipped: 1')
// prepare appended to the user's argLine property; surefire's <argLine>@{argLine} -Xmx256m</argLine> kept it
assert log =~ /perfgate: argLine set to -Dshop\.region=eu-west -Dperfgate\.mode=record -Dperfgate\.resultsDirectory=\S+ -Dperfgate\.profile=smoke/
assert !log.contains('replaces the \'argLine\' property')
assert log =~ /Perf tests: 6, Passed: 5, Warned: 0, Failed: 0, Inconclusive: 0, Skipped: 1, Blocking violations: 0/

// every report names every gated test, and only those
def gated = ['priceOrder', 'encodeOrder', 'priceOrderOfSize', 'disabledGate', 'refundOrder']
['index.html', 'summary.json', 'summary.md', 'TEST-perfgate.xml'].each { name ->
    def file = new File(perfgate, name)
    assert file.isFile() : "missing report $file"
    gated.each { test -> assert file.text.contains(test) : "$name does not name $test" }
    assert !file.text.contains('forkKeepsTheUsersArgLine') : "$name names a test without gates"
}
assert new File(perfgate, 'results').listFiles().findAll { it.name.endsWith('.json') }.size() == 6
def summary = new JsonSlurper().parse(new File(perfgate, 'summary.json'))
assert summary.status == 'PASSED'
assert summary.counts.tests == 6 && summary.counts.passed == 5 && summary.counts.skipped == 1
assert summary.tests.find { it.methodName == 'disabledGate' }.verdict == 'SKIPPED'

// check appended the Markdown summary to the CI job summary
def stepSummary = new File(basedir, 'step-summary.md')
assert stepSummary.isFile()
assert stepSummary.text.contains(new File(perfgate, 'summary.md').text.trim())
return true
