import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')

assert log.contains('BUILD SUCCESS')
// the pom's forks, measurementIterations and measurementTime replace the smoke profile's; the rest is the profile's
assert log.contains('perfgate: running 1 benchmark with JMH (profile smoke: -f 1 -wi 1 -w 200ms -i 1 -r 200ms -prof gc)')
// one fork of one iteration: JMH has no error to give
assert log =~ /perfgate: EncodeBench#encode \[width=8\]: [0-9.,]+ ops\/s, [0-9.,]+ B\/op \(2 gates\)/
assert log =~ /Perf tests: 2, Passed: 2, Warned: 0, Failed: 0, Inconclusive: 0, Skipped: 0, Blocking violations: 0/

def results = new File(perfgate, 'results').listFiles().findAll { it.name.endsWith('.json') }
        .collect { new JsonSlurper().parse(it) }
assert results*.benchmark*.params*.width.sort() == ['64', '8']
results.each { r ->
    assert r.kind == 'jmh'
    assert r.status == 'COMPLETED'
    assert r.benchmark.forks == 1
    assert r.measurement.rounds.size() == 1
    assert r.gates*.gate.sort() == ['MemoryGate', 'ThroughputGate']
}
def markdown = new File(perfgate, 'summary.md').text
assert markdown =~ /\| PASS \| bench\.EncodeBench\.encode \| width=64 \| thrpt \| [0-9.,]+ ops\/s \|/
assert new File(perfgate, 'index.html').text.contains('bench.EncodeBench.encode')
return true
