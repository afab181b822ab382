def log = new File(basedir, 'build.log').text

// the gate cannot tell noise from a real difference: INCONCLUSIVE with the score, its error, the bound and the fix
assert log =~ /Perf tests: 1, Passed: 0, Warned: 0, Failed: 0, Inconclusive: 1, Skipped: 0, Blocking violations: 1/
assert log =~ /mean = [0-9.]+ ms ± [0-9.]+ ms has no verdict: its 95% confidence interval reaches both sides of the threshold 3 ms \(NoisyBench#lookup, JMH score [0-9.]+ ± [0-9.]+ ms\/op from 2 forks x 3 iterations of 500 ms/
assert log.contains('run more forks or iterations (-Dperfgate.jmh.forks=5 -Dperfgate.jmh.measurementIterations=5, or -Dperfgate.profile=standard)')
assert !(log =~ /\[FAIL\]/) : 'a noisy score is never a FAIL'
// a BLOCKING gate without a verdict still holds the build
assert log.contains('BUILD FAILURE')
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 1 blocking gate violation:/
return true
