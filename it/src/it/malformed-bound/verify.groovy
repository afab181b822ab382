def log = new File(basedir, 'build.log').text

assert log.contains("perfgate:prepare: perfgate.profile = 'fast' is not a profile; expected one of [smoke, standard, comprehensive]")

assert log.contains('BUILD FAILURE')
// the error names the annotation, the attribute, the bad value and where it is declared
assert log =~ /@LatencyGate\(p95 = "200 parsecs"\)[^\n]*BadBoundTest/
// with -Dmaven.test.failure.ignore=true the test's failure does not stop the build, but check does, on the same bound
assert log =~ /\[ERROR\] \[FAIL\] @LatencyGate\(p95 = "200 parsecs"\) on BadBoundTest#parsecs: cannot read '200 parsecs'/
assert log.contains('perfgate: 1 blocking gate violation')
return true
