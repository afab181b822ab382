import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// Gatling ran: 2 users x 50 loops x 3 requests
assert log =~ /> request count +\| +300 \| +200 \| +100/
// the request's gate fails with Gatling's value and the bound
assert log =~ /p50 = [0-9.,]+ (us|ms) exceeds the threshold 1 us \(import\.yaml#users-api, endpoint GET health, 100 samples/
// a gate on a figure Gatling does not report fails naming what it does report, never passes
assert log =~ /\[ERROR\] \[FAIL\] import\.yaml#users-api-p90 recorded no measurement, so @LatencyGate cannot be judged: import 'users-api-p90': \S+stats\.js holds only Gatling's own statistics, which report \[max, p50, p95, p99\] but not p90/
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 2 blocking gate violations:/
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
            .collect { new JsonSlurper().parse(it) }
assert results.size() == 2
def p90 = results.find { it.methodName == 'users-api-p90' }
assert p90.status == 'DECLARED'
def imported = results.find { it.methodName == 'users-api' }
assert imported.imported.engine == 'Gatling'
assert imported.endpoints['GET health'].invocations == 100
assert imported.measurement.errors == 100
return true
