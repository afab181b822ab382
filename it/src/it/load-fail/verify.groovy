import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the test itself passed: under the plugin the verdict is deferred to check
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// check names the gate, the endpoint, the metric, the value and the bound
assert log =~ /p50 = [0-9.,]+ (us|ms) exceeds the threshold 1 us \(ReportLoadTest#healthAndReports, endpoint GET \/api\/v1\/reports\/heavy, [0-9,]+ samples/
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 1
def result = new JsonSlurper().parse(results[0])
assert result.kind == 'load'
assert result.status == 'COMPLETED'
assert result.endpoints.keySet() == ['GET /api/v1/health', 'GET /api/v1/reports/heavy'] as Set
assert result.measurement.invocations == 150
def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('GET /api/v1/reports/heavy')
return true
