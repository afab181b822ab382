import groovy.json.JsonSlurper

// build.log holds the five invocations of invoker.properties, one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5
def (record, unchanged, slower, accept, accepted) = runs

// 1. the baseline is recorded into .perfgate/baselines, one file per test, with its fingerprint
assert record.contains('perfgate: perfgate:baseline runs in this build, so the results are not compared')
assert record =~ /perfgate: recorded the baseline of 1 test \(.*\) in \S*\.perfgate\/baselines; commit it/
def baselines = new File(basedir, '.perfgate/baselines').listFiles().findAll { it.name.endsWith('.json') }
assert baselines.size() == 1
def baseline = new JsonSlurper().parse(baselines[0])
assert baseline.label == 'CheckoutTest#checkout'
assert baseline.metrics.p95.values.size() == 10
assert baseline.fingerprint.javaVersion == System.getProperty('java.version') || baseline.fingerprint.javaVersion
assert baseline.fingerprint.distortions.every { it.startsWith('assertions enabled') }

// 2. an unchanged rebuild compares and passes; the run is kept in the history
assert unchanged.contains('BUILD SUCCESS')
assert unchanged =~ /Baseline: 3 metrics compared, 0 regressed/
assert !(unchanged =~ /\[REGRESSED\]/)

// 3. the slowdown fails, with change and interval in the message
assert slower.contains('BUILD FAILURE')
def regression = /\[REGRESSED\] (p50|p95|mean) \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs baseline \([^)]*\) exceeds the allowed \+(10|20)% \(CheckoutTest#checkout, 10 vs 10 replicates, p = [^)]+\)/
assert slower =~ /\[ERROR\] / + regression
assert slower =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: [0-9] blocking regressions? against the baseline:/
def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
// the summary is of the last run (5); the report of run 3 is checked through its log

// 4. accepting re-baselines every metric of the test and records the reason
assert accept.contains('BUILD SUCCESS')
// a rise, printed with a decimal under 10 % (+8.1% once, when a busy CI runner blurred a 30 % slowdown)
assert accept =~ /perfgate: accepted CheckoutTest#checkout:p95 as its new baseline \(\+[0-9.]+%\), because: checkout-now-audits/
baseline = new JsonSlurper().parse(baselines[0])
// CPU time per invocation, p50, p90, p95, mean and throughput have baseline values (p99 needs 1,000 samples a round, these have 400)
assert baseline.acceptances*.metric == ['CPU mean', 'mean', 'p50', 'p90', 'p95', 'throughput']
assert baseline.acceptances.every { it.reason == 'checkout-now-audits' }

// 5. the accepted slowdown passes
assert accepted.contains('BUILD SUCCESS')
assert !(accepted =~ /\[REGRESSED\]/)
assert summary.baseline.present == true
assert summary.baseline.comparisons.size() == 3
assert summary.baseline.comparisons.every { it.outcome != 'REGRESSED' }

// the history keeps one small file per compared run (runs 2, 3 and 5)
def history = new File(basedir, '.perfgate/history').listFiles().findAll { it.name.endsWith('.json') }
assert history.size() == 3
def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('Comparison with the baseline')
assert html.contains('<svg class="history"')
return true
