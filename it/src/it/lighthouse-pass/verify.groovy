import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains("perfgate lighthouse: recorded 1 page of the pom's inlinePages")
assert log =~ /perfgate lighthouse: shop: FCP [0-9.,]+ (ms|s), LCP /
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 1
def result = new JsonSlurper().parse(results[0])
assert result.kind == 'lighthouse'
assert result.status == 'COMPLETED'
assert result.frontend.lighthouseVersion == '12.2.3'
assert result.frontend.failure == null
def run = result.frontend.runs[0]
// the page, its stylesheet, script, image and the script's API call
assert run.metrics.requests >= 4
['fcp', 'lcp', 'cls', 'tbt', 'speedIndex', 'tti', 'score', 'totalBytes', 'scriptBytes'].each {
    assert run.metrics[it] != null : "run records $it"
}
assert new File(basedir, 'target/perfgate/' + run.htmlReport).text.contains('Lighthouse')
assert result.gates[0].bounds.keySet() == ['fcp', 'lcp', 'cls', 'tti', 'totalBytes', 'requests'] as Set
def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('pom.xml#shop')
assert html.contains('data:image/jpeg;base64,') : 'the report shows the final screenshot'
assert html.contains('href="lighthouse/shop/run-1.report.html"') : 'the report links Lighthouse own report'
return true
