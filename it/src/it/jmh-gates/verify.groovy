import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')

// perfgate:jmh ran JMH in its own JVM with the smoke settings, adding the gc profiler for the @MemoryGate
assert log =~ /perfgate: running 6 benchmarks with JMH \(profile smoke: -f 2 -wi 2 -w 1s -i 3 -r 500ms -prof gc -prof jfr\)/
assert log.contains('# Benchmark: bench.FastBench.sum') : 'JMH output is streamed to the build log'
assert log.contains('perfgate: BrokenBench#explode failed in JMH: java.lang.IllegalStateException: corrupt price table')

// JMH's own files are kept
def jmh = new File(perfgate, 'jmh')
assert new File(jmh, 'jmh-result.json').isFile()
assert new File(jmh, 'jmh-output.txt').text.contains('<failure>')
def results = new File(perfgate, 'results').listFiles().findAll { it.name.endsWith('.json') }
def slurper = new JsonSlurper()
def byLabel = results.collect { slurper.parse(it) }.collectEntries { r ->
    def params = r.benchmark.params ? ' [' + r.benchmark.params.collect { k, v -> "$k=$v" }.join(', ') + ']' : ''
    [(r.className.tokenize('.').last() + '#' + r.methodName + params): r]
}
assert byLabel.keySet() == ['FastBench#sum', 'CheckoutBench#slowCheckout', 'CopyBench#copy', 'LookupBench#lookup [millis=1]',
                            'LookupBench#lookup [millis=6]', 'SampledBench#sampledLookup', 'BrokenBench#explode'] as Set
// one round per fork, JMH's score kept with its unit
assert byLabel['FastBench#sum'].measurement.rounds.size() == 2
assert byLabel['FastBench#sum'].benchmark.scoreUnit == 'ops/s'
assert byLabel['FastBench#sum'].gates[0].declaredOn == "pom <gate> for benchmarks matching 'bench\\.FastBench\\.sum'"
assert byLabel['CopyBench#copy'].benchmark.allocationPerOperation > 4096
assert byLabel['LookupBench#lookup [millis=6]'].benchmark.scoreUnit == 'ms/op'

// check judged them next to each other and failed the build naming benchmark, parameters, score and bound
assert log.contains('BUILD FAILURE')
assert log =~ /Perf tests: 7, Passed: 3, Warned: 0, Failed: 4, Inconclusive: 0, Skipped: 0, Blocking violations: 4/
def error = { pattern -> assert log =~ (/\[ERROR\] \[FAIL\] / + pattern) : "no error line matching $pattern" }
error(/@ThroughputGate: throughput = [0-9.,]+\/s is below the threshold 10,000\/s \(CheckoutBench#slowCheckout, JMH score [0-9.,]+ ± [0-9.,]+ ops\/s from 2 forks x 3 iterations of 500 ms, report: target\/perfgate\/index\.html\)/)
error(/@MemoryGate: allocation per invocation = [0-9.,]+ KB exceeds the threshold 1 KB \(CopyBench#copy, JMH score [0-9.,]+ ± [0-9.,]+ ns\/op from 2 forks x 3 iterations of 500 ms, report: [^)]+\)/)
error(/@LatencyGate: mean = [0-9.]+ ms exceeds the threshold 3 ms \(LookupBench#lookup \[millis=6\], JMH score [0-9.]+ ± [0-9.,]+ ms\/op from 2 forks x 3 iterations of 500 ms, report: [^)]+\)/)
error(/BrokenBench#explode failed in JMH, so none of its figures count: java\.lang\.IllegalStateException: corrupt price table \(at bench\.BrokenBench\.explode\(BrokenBench\.java:\d+\)\); fix the benchmark/)
['FastBench#sum', 'LookupBench#lookup [millis=1]', 'SampledBench#sampledLookup'].each { passing ->
    assert !(log =~ (/\[ERROR\] [^\n]*/ + java.util.regex.Pattern.quote(passing))) : "$passing passed and must not be reported as failing"
}
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 4 blocking gate violations:/

// the reports list every benchmark with JMH's score and unit and its parameters, and their gate rows
def html = new File(perfgate, 'index.html').text
assert html.contains('<h2 id="benchmarks">Benchmarks</h2>')
['bench.FastBench.sum', 'bench.CheckoutBench.slowCheckout', 'bench.CopyBench.copy', 'bench.LookupBench.lookup',
 'bench.SampledBench.sampledLookup', 'bench.BrokenBench.explode'].each { assert html.contains(it) : "index.html lacks $it" }
assert html =~ /bench\.LookupBench\.lookup<\/a><\/td><td>millis=6<\/td><td>avgt<\/td><td class="num">[0-9.]+ ± [0-9.]+ ms\/op<\/td>/
assert html.contains('<td>@MemoryGate</td><td>BLOCKING</td><td>allocation per invocation</td>')
def markdown = new File(perfgate, 'summary.md').text
assert markdown =~ /\| FAIL \| bench\.LookupBench\.lookup \| millis=6 \| avgt \| [0-9.]+ ± [0-9.]+ ms\/op \|/
assert markdown =~ /\| PASS \| bench\.LookupBench\.lookup \| millis=1 \| avgt \|/
assert markdown.contains('| FAIL | bench.BrokenBench.explode | - | thrpt | failed |')
def summary = slurper.parse(new File(perfgate, 'summary.json'))
def copy = summary.tests.find { it.benchmark?.benchmark == 'bench.CopyBench.copy' }
assert copy.benchmark.scoreUnit == 'ns/op' && copy.benchmark.allocationPerOperation > 4096
assert copy.gates[0].metrics[0].verdict == 'FAIL'
assert new File(perfgate, 'TEST-perfgate.xml').text.contains('slowCheckout')
return true
