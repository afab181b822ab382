import groovy.json.JsonSlurper

// build.log holds the three invocations of invoker.properties, one after the other
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 3
def (baseline, busyBaseline, busy) = builds

assert baseline.contains('BUILD SUCCESS')
assert baseline =~ /perfgate: recorded the baseline of 1 test /

// recording that busy writes nothing and keeps the earlier baseline
assert busyBaseline.contains('BUILD SUCCESS')
assert busyBaseline =~ /\[WARNING\] perfgate: not recorded: ChecksumTest#sha256: not measured cleanly \(the measuring thread waited for a CPU [0-9]+% of the time in [0-9]+ rounds \(beyond the 10% allowed; 0 of 5 planned rounds measured cleanly before measuring stopped\).*\); its previous baseline, if any, is kept; record the baseline on a quieter machine/
def files = new File(basedir, '.perfgate/baselines').listFiles()
assert files.size() == 1
def kept = new JsonSlurper().parse(files[0])
assert kept.metrics.p95.values.size() == 5

// every round of the busy build was discarded, so nothing was compared, and the console says which test and why
assert busy.contains('BUILD SUCCESS')
assert busy.contains('[WARNING] Baseline: 1 test not compared, because every round waited for a CPU beyond the'
        + ' share allowed and was discarded: ChecksumTest#sha256; rerun on a quieter machine, or compare against the'
        + ' base commit in one build (mvn verify perfgate:compare)')
assert busy =~ /Baseline: 1 metrics compared, 0 regressed, 1 inconclusive/
def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
def p95 = summary.baseline.comparisons.find { it.metric == 'p95' }
assert p95.outcome == 'INCONCLUSIVE'
assert p95.message.startsWith('p95 of ChecksumTest#sha256 is not compared with the baseline (commit ')
        || p95.message.startsWith('p95 of ChecksumTest#sha256 is not compared with the baseline (recorded ')
assert p95.message.contains(': no round of this run was measured cleanly (the measuring thread waited for a CPU ')

return true
