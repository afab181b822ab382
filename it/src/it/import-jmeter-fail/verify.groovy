import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the label's gate fails with its value and bound
assert log =~ /p50 = [0-9.,]+ (us|ms) exceeds the threshold 1 us \(import\.yaml#users-api, endpoint GET health, 400 samples/
// the import whose file is missing fails naming the file, never passes
assert log =~ /no-such-run\.csv: no such file/
// ... and check fails it as a gate with no measurement, next to the violated bound
assert log =~ /\[ERROR\] \[FAIL\] import\.yaml#lost-run recorded no measurement, so @LatencyGate cannot be judged: import 'lost-run': \S+no-such-run\.csv: no such file/
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 2 blocking gate violations:/
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
            .collect { new JsonSlurper().parse(it) }
assert results.size() == 2
def lost = results.find { it.methodName == 'lost-run' }
assert lost.status == 'DECLARED'
assert lost.statusReason.contains('no-such-run.csv: no such file')
def imported = results.find { it.methodName == 'users-api' }
assert imported.endpoints['GET health'].invocations == 400
assert imported.imported.engine == 'JMeter'
return true
