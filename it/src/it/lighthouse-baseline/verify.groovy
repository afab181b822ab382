import groovy.json.JsonSlurper

// build.log holds the two invocations of invoker.properties, one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def (record, shifted) = runs

// 1. the baseline keeps each run's metrics: CLS 0 on the page without a banner
assert record.contains('BUILD SUCCESS')
def baselines = new File(basedir, '.perfgate/baselines').listFiles().findAll { it.name.endsWith('.json') }
assert baselines.size() == 1
def baseline = new JsonSlurper().parse(baselines[0])
assert baseline.result.frontend.runs.size() == 5
assert baseline.result.frontend.runs.every { it.metrics.cls < 0.01 }
// the browser was timed, not Maven's JVM: its options (C1 only in these scenarios, it/pom.xml) are no distortion
assert baseline.fingerprint.javaVersion == null && baseline.fingerprint.distortions.isEmpty()
assert baseline.fingerprint.availableProcessors > 0

// 2. the banner: the page's own gate passes, the comparison with the baseline fails on CLS, in its unit
assert shifted.contains('BUILD FAILURE')
assert shifted.contains('Perf tests: 1, Passed: 1, Warned: 0, Failed: 0')
def regressed = /\[ERROR\] \[REGRESSED\] CLS \+0\.[0-9]+ \[\+0\.[0-9]+, \+0\.[0-9]+\] vs baseline .* exceeds the allowed \+0\.05 \(pom\.xml#catalogue, 5 vs 5 replicates/
assert shifted =~ regressed
assert !(shifted =~ /CLS \+[0-9.]+%/) // never a percentage of 0
assert shifted =~ /perfgate: [0-9]+ blocking regressions? against the baseline:/

// the accept hint quotes a metric name holding a space, so the command can be copied
assert shifted.contains('-Dperfgate.accept="pom.xml#catalogue:performance score"')

// the JSON summary gives CLS's change as a difference, with no ratio of 0
def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
def cls = summary.baseline.comparisons.find { it.metric == 'CLS' }
assert cls.outcome == 'REGRESSED'
assert cls.ratio == null
assert cls.difference > 0.2 && cls.differenceLower > 0.05
assert cls.allowed == '+0.05'
return true
