def log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert log =~ /\[WARNING\] \[FAIL\] @LatencyGate \(level WARNING\): p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(ReportingTest#warnedOnly, /
assert log =~ /\[WARNING\] \[WARN\] @LatencyGate: p95 = [0-9.,]+ ms exceeds the target 1 ms \(threshold 500 ms\) \(ReportingTest#beyondTargetWithinThreshold, /
assert log =~ /\[INFO\] \[FAIL\] @LatencyGate \(level ADVISORY\): p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(ReportingTest#advisoryOnly, /
assert log.contains('Blocking violations: 0')
assert !log.contains('[ERROR]')
assert new File(basedir, 'target/perfgate/index.html').isFile()
assert !log.contains('is configured twice')
// the forks still measured with the profile given on the command line
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert !results.isEmpty()
results.each { assert new groovy.json.JsonSlurper().parse(it).workload.profile == 'smoke' : "${it.name}: not smoke" }
return true
