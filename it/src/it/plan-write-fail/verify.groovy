def log = new File(basedir, 'build.log').text

// the test JVM said why it could not go on, and stopped with its own status after the tests
assert log =~ /\[perfgate\] cannot record the test plan of 1 gated test\(s\): \S*plans\S*: cannot write/
assert log.contains('stops with status 75 after its tests')
// surefire fails the build on a JVM that ended without saying goodbye, whatever maven.test.failure.ignore says
assert log.contains('The forked VM terminated without properly saying goodbye')
assert log =~ /Process Exit Code: 75/
assert log.contains('BUILD FAILURE')
assert !log.contains('nothing to check')
return true
