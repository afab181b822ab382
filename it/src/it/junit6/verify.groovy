def log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('Perf tests: 4, Passed: 3, Warned: 0, Failed: 1, Inconclusive: 0, Skipped: 0, Blocking violations: 0')
assert log =~ /\[WARNING\] \[FAIL\] @LatencyGate \(level WARNING\): p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(JupiterSixTest#warnedOnly, /
def html = new File(basedir, 'target/perfgate/index.html').text
['runsOnJupiterSix', 'parameterized', 'warnedOnly'].each { assert html.contains(it) }
return true
