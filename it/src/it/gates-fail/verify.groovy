import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')

// `mvn test`: the violated gate did not fail the test (the verdict is deferred to verify)
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('There are test failures')

// `mvn verify`: check fails the build naming the gate, the metric, the measured value, the bound and the test
assert log.contains('BUILD FAILURE')
def violation = /\[FAIL\] @LatencyGate: p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(SlowCheckoutTest#sleepsFiveMillis, [0-9,]+ samples, report: target\/perfgate\/index\.html\)/
assert log =~ /\[ERROR\] / + violation
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 1 blocking gate violation:/
assert log =~ /Report: \S*target\/perfgate\/index\.html/
assert !(log =~ /\[FAIL\] [^\n]*scriptInDisplayName/)

// the report is still written, with the display name escaped
def html = new File(perfgate, 'index.html')
assert html.isFile()
assert html.text.contains('sleepsFiveMillis')
assert html.text.contains('&lt;script&gt;')
assert !html.text.contains("<script>alert('perfgate')")
['summary.json', 'summary.md', 'TEST-perfgate.xml'].each { assert new File(perfgate, it).isFile() : "missing $it" }
def summary = new JsonSlurper().parse(new File(perfgate, 'summary.json'))
assert summary.status == 'FAILED'
assert summary.blockingViolations.size() == 1
assert summary.blockingViolations[0].test == 'SlowCheckoutTest#sleepsFiveMillis'
assert summary.blockingViolations[0].metric == 'p95'
// CI test tabs list the gate failure
def junitXml = new XmlSlurper().parse(new File(perfgate, 'TEST-perfgate.xml'))
assert junitXml.'**'.findAll { it.name() == 'failure' }.any { it.@message.text().contains('exceeds the threshold 1 ms') }
return true
