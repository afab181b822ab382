import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('perfgate lighthouse: recorded 3 pages of lighthouse.yaml in')
assert log.contains('(1 could not be measured)')
// each failure names the metric, the measured value, the bound and the page
assert log =~ /TBT = [0-9.,]+ (ms|s) exceeds the threshold 300 ms; long tasks block the main thread.* \(lighthouse\.yaml#slow-script, 1 run/
assert log =~ /CLS = 0\.[0-9]+ exceeds the threshold 0\.1; content moves after it is shown.* \(lighthouse\.yaml#layout-shift, 1 run/
assert log =~ /\[ERROR\] \[FAIL\] @FrontendGate: LCP was not measured: Lighthouse could not measure http:\/\/127\.0\.0\.1:39193\/web\/index\.html: [A-Z_]+: /
// check failed the build on all three pages
assert log =~ /Perf tests: 3, Passed: 0, Warned: 0, Failed: 3, Inconclusive: 0, Skipped: 0, Blocking violations: 3/
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 3 blocking gate violations:/
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
        .collect { new JsonSlurper().parse(it) }
assert results*.methodName as Set == ['slow-script', 'layout-shift', 'nothing-listens'] as Set
def slow = results.find { it.methodName == 'slow-script' }
assert slow.frontend.runs[0].metrics.tbt > 300e6
def down = results.find { it.methodName == 'nothing-listens' }
assert down.frontend.failure.startsWith('Lighthouse could not measure http://127.0.0.1:39193/web/index.html')
assert down.measurement.errors == 1
return true
