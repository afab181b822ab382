import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the violation names the metric, the value, the bound and the test; no contention excuse for CPU time
def violation = /\[FAIL\] @LatencyGate: CPU mean = [0-9.,]+ (us|ms) exceeds the threshold 20 us \(PriceCalculationTest#computesCompoundInterest, [0-9,]+ samples, report: target\/perfgate\/index\.html\)/
assert log =~ /\[ERROR\] / + violation

def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
assert summary.status == 'FAILED'
assert summary.blockingViolations.size() == 1
assert summary.blockingViolations[0].metric == 'CPU mean'
def test = summary.tests.find { it.label == 'PriceCalculationTest#computesCompoundInterest' }
assert test.verdict == 'FAIL'
assert test.measurement.cpuNanosPerInvocation > 20_000
// a CPU mean alone is measured per round: no invocation was timed for CPU
def result = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
        .collect { new JsonSlurper().parse(it) }.find { it.methodName == 'computesCompoundInterest' }
assert result.measurement.cpu.totalNanos > 0
assert result.measurement.cpu.perInvocationHistogram == null
return true
