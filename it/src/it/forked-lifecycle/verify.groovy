def log = new File(basedir, 'build.log').text

// the source plugin forked the lifecycle, so prepare ran twice in this build ...
assert log.contains('maven-source-plugin')
assert log =~ /Forking|>>> .*maven-source-plugin/
assert (log =~ /perfgate-maven-plugin:[^:]+:prepare/).count >= 2
// ... and the second run kept what the tests had written
assert log =~ /perfgate: \S+ was prepared earlier in this build \(a forked lifecycle, or prepare bound twice\); its results are kept/
assert !log.contains('nothing to check')

// the violated gate still fails the build
assert log =~ /\[ERROR\]   \[FAIL\] @LatencyGate: p50 = [0-9.,]+ \S+ exceeds the threshold 1 ns \(PricingPerfTest#violatesOnPurpose/
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 1 blocking gate violation/
return true
