import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')

assert log.contains('BUILD SUCCESS')
// the pom's forks, measurementIterations and measurementTime replace the smoke profile's; the rest is the profile's
assert log.contains('perfgate: running 2 benchmarks with JMH (profile smoke: -f 1 -wi 2 -w 1s -i 5 -r 100ms -prof gc -prof jfr)')
assert log =~ /perfgate: EncodeBench#encode \[width=8\]: [0-9.,]+ ± [0-9.,]+ ops\/s, [0-9.,]+ ± [0-9.,]+ B\/op \(2 gates\)/
assert log =~ /Perf tests: 4, Passed: 4, Warned: 0, Failed: 0, Inconclusive: 0, Skipped: 0, Blocking violations: 0/

def results = new File(perfgate, 'results').listFiles().findAll { it.name.endsWith('.json') }
        .collect { new JsonSlurper().parse(it) }
def encode = results.findAll { it.benchmark.benchmark == 'bench.EncodeBench.encode' }
assert encode*.benchmark*.params*.width.sort() == ['64', '8']
results.each { r ->
    assert r.kind == 'jmh'
    assert r.status == 'COMPLETED'
    assert r.benchmark.forks == 1
    assert r.measurement.rounds.size() == 1
}
encode.each { r -> assert r.gates*.gate.sort() == ['MemoryGate', 'ThroughputGate'] }
// bounds per @Param value: the method's gate for size=10000, the class's for the rest; the pom's only for size=10000
def lookup = results.findAll { it.benchmark.benchmark == 'bench.LookupBench.lookup' }.collectEntries { [(it.benchmark.params.size): it] }
assert lookup['10'].gates.size() == 1
assert lookup['10'].gates[0].bounds == [mean: '2ms'] && lookup['10'].gates[0].declaredOn == 'class LookupBench'
assert lookup['10000'].gates*.gate.sort() == ['LatencyGate', 'MemoryGate']
def large = lookup['10000'].gates.find { it.gate == 'LatencyGate' }
assert large.bounds == [mean: '40ms'] && large.declaredOn == 'method LookupBench#lookup (params = "size=10000")'
assert lookup['10000'].gates.find { it.gate == 'MemoryGate' }.declaredOn == "pom <gate> for benchmarks matching 'bench\\.LookupBench\\.lookup' with size=10000"
assert lookup['10000'].benchmark.score > 2 : 'the large lookup would fail the class-wide 2 ms bound'

// each benchmark is profiled through JMH's JFR profiler, from its own method down; the recordings are read and removed
encode.each { r ->
    def profile = r.measurement.profile
    assert profile.executionSamples > 5
    def self = [:].withDefault { 0 }
    profile.stacks.each { stack -> self[profile.frames[stack.frames.split(';')[-1] as int]] += stack.samples }
    assert self['bench.EncodeBench.encode'] > profile.executionSamples / 2 : self
    assert profile.durationNanos == 5 * 100_000_000L
    assert profile.recordingFile == null
}
assert new File(perfgate, 'jmh/jfr').listFiles().findAll { it.isDirectory() }
        .every { it.listFiles().length == 0 }
assert new File(perfgate, 'index.html').text.contains('bench.EncodeBench.encode')

def markdown = new File(perfgate, 'summary.md').text
assert markdown =~ /\| PASS \| bench\.EncodeBench\.encode \| width=64 \| thrpt \| [0-9.,]+ ± [0-9.,]+ ops\/s \|/
assert markdown =~ /\| PASS \| bench\.LookupBench\.lookup \| size=10000 \| avgt \|/
assert new File(perfgate, 'index.html').text.contains('bench.EncodeBench.encode')
return true
