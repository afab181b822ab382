import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def perfgate = new File(basedir, 'target/perfgate')

// CPU time is recorded beside wall time, and the CPU gates judged on it: sleeping costs no CPU
def summary = new JsonSlurper().parse(new File(perfgate, 'summary.json'))
assert summary.status == 'PASSED'
def test = summary.tests.find { it.label == 'SleepingLookupTest#waitsForTheRemoteCall' }
assert test.verdict == 'PASS'
def metrics = test.gates.find { it.gate == 'LatencyGate' }.metrics
assert metrics*.label as Set == ['CPU mean', 'CPU p95'] as Set
assert metrics.every { it.verdict == 'PASS' && it.value < 1_000_000 }
// wall time holds the sleep (unless a very busy machine left no clean round to show it)
assert test.measurement.contention.keptRounds == 0 || test.measurement.latencyNanos.p50 >= 5_000_000
assert test.measurement.cpuNanosPerInvocation < 1_000_000

// how busy the machine was: per test, and once for the run
def contention = test.measurement.contention
assert contention.source in ['schedstat', 'cpu-time']
assert contention.waitShare >= 0 && contention.waitShare <= 1
assert contention.plannedRounds > 0
assert summary.contention.tests == 1
assert summary.contention.text.startsWith('CPU wait: the measuring threads waited for a CPU ')

def html = new File(perfgate, 'index.html').text
assert html.contains('<p class="meta contention">CPU wait: the measuring threads waited for a CPU ')
assert html.contains('<th colspan="2">CPU and contention</th>')
assert html.contains('<td>CPU time per invocation</td>')
assert !html.contains('CPU p95 threshold') : 'CPU bounds are not drawn on the wall-time chart'

// the result file keeps each round's CPU wait and CPU time
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
def result = results.collect { new JsonSlurper().parse(it) }.find { it.methodName == 'waitsForTheRemoteCall' }
assert result.measurement.rounds.every { it.cpuWaitShare != null && it.cpuNanos != null }
assert result.measurement.cpu.perInvocationHistogram != null : 'a CPU percentile is gated, so each invocation was timed'
return true
