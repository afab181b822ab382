import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

// build.log holds the three invocations of invoker.properties, one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3
def (test, verify, surefireAlone) = runs
def perfgate = new File(basedir, 'target/perfgate')

// `mvn test`: the violated gate did not fail the test (the verdict is deferred to verify)
assert test.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert test.contains('BUILD SUCCESS')

// `mvn verify`: check fails the build naming the gate, the metric, the measured value, the bound and the test
assert verify.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert verify.contains('BUILD FAILURE')
def violation = /\[FAIL\] @LatencyGate: p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(SlowCheckoutTest#sleepsFiveMillis, [0-9,]+ samples, report: target\/perfgate\/index\.html\)/
assert verify =~ /\[ERROR\] / + violation
assert verify =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 1 blocking gate violation:/
assert verify =~ /Report: \S*target\/perfgate\/index\.html/
assert !(verify =~ /\[FAIL\] [^\n]*scriptInDisplayName/)

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

// surefire alone: no perfgate:prepare, so the test itself fails on the blocking gate, with the same message
assert surefireAlone.contains('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
assert surefireAlone =~ /SlowCheckoutTest\.sleepsFiveMillis[^\n]*FAILURE!\s*\n[^\n]*p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(SlowCheckoutTest#sleepsFiveMillis, [0-9,]+ samples\)/
return true
