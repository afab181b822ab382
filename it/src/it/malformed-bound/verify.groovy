def log = new File(basedir, 'build.log').text

assert log.contains("perfgate:prepare: perfgate.profile = 'fast' is not a profile; expected one of [smoke, standard, comprehensive]")

assert log.contains('BUILD FAILURE')
// the error names the annotation, the attribute, the bad value and where it is declared
assert log =~ /@LatencyGate\(p95 = "200 parsecs"\)[^\n]*BadBoundTest/
return true
