import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// the benchmarks pass their gates alone; compare measures both versions under JMH, pair by pair
assert log.contains('perfgate: comparing 3 gated benchmark run(s) with ' + base.substring(0, 10) + ' (main: base) in 6 pairs of forks')
assert log =~ /compare pair 6\/6, (base|head): ok/
// a throughput score regresses when it falls; the hint to allow it gives the worse end as a negative change
assert log =~ /\[ERROR\] \[REGRESSED\] score -[0-9.]+% \[-[0-9.]+%, -[0-9.]+%\] vs base \([0-9,]+\/s -> [0-9,]+\/s\) exceeds the allowed -10% \(CodecBench#encode, 6 pairs, p = 0\.0313 after Holm over 2 comparisons\); fix the regression, or if intended allow it: -Dperfgate\.regression\.allowed=CodecBench#encode:score=-[0-9]+%/
assert log =~ /\[NEW\] CodecBench#decode: new in head: the base [0-9a-f]{10} \(main: base\) has no such benchmark run/
assert log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/compare.json'))
assert json.pairsRun == 6
def encode = json.tests.find { it.label == 'CodecBench#encode' }
assert encode.status == 'COMPARED'
assert encode.metrics*.metric == ['score']
assert encode.metrics[0].outcome == 'REGRESSED'
assert encode.metrics[0].ratio > 0.35 && encode.metrics[0].ratio < 0.7
assert encode.metrics[0].pairs.size() == 6
// the unchanged benchmark, in a time mode: its score is compared the other way up, and does not regress
def checksum = json.tests.find { it.label == 'CodecBench#checksum' }
assert checksum.status == 'COMPARED'
assert checksum.metrics[0].unit == 'ns'
assert checksum.metrics[0].outcome != 'REGRESSED'
assert json.tests.find { it.label == 'CodecBench#decode' }.status == 'NEW'
// each side of each pair ran JMH on its own class path, its files kept
assert new File(basedir, 'target/perfgate/compare/benchmarks/pair-01-base/jmh/jmh-result.json').isFile()
// once the first base run found decode missing, no run measures it
def lastHead = new File(basedir, 'target/perfgate/compare/benchmarks/pair-06-head/jmh/jmh-output.txt').text
assert lastHead.contains('codec.CodecBench.encode') && !lastHead.contains('codec.CodecBench.decode')
// the jvmArgs configured for perfgate:jmh reach compare's JMH forks
assert lastHead =~ /# VM options: .*-Dcodec\.it=shared/
assert !new File(basedir, 'target/perfgate/compare/base').exists()
return true
