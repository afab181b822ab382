import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// load says at once that the service could not be reached, and records the scenario as failed ...
assert log.contains("perfgate load: scenario 'browse' of load.yaml could not run: load scenario 'browse': cannot connect to http://127.0.0.1:9")
// ... so check fails the build on it, naming the URL: an unreachable service is never a pass
assert log =~ /error rate = 100% exceeds the threshold 0% \(load\.yaml#browse, 1 sample.*cannot connect to http:\/\/127\.0\.0\.1:9/
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 1
def result = new JsonSlurper().parse(results[0])
assert result.kind == 'load' && result.status == 'COMPLETED'
assert result.measurement.errorsByKind.connection == 1
return true
