def log = new File(basedir, 'build.log').text

// the test itself failed on the write, and the flag hid that from surefire's verdict
assert log =~ /Tests run: 1, Failures: 0, Errors: 1, Skipped: 0/
assert log =~ /UnwritableResultTest\.violatesItsGate » ResultFile \S+\.json: cannot write/
// surefire did not stop the build: it went on past the tests to check
assert !(log =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-surefire-plugin/)
assert log =~ /maven-jar-plugin:[^:]+:jar/

// check still fails the build, naming the test, that the results directory is unusable, and the likely cause
assert !log.contains('nothing to check')
assert log =~ /\[ERROR\]   \[FAIL\] UnwritableResultTest#violatesItsGate [^\n]*planned by test JVM \S+ but left no result \(\S+results is not a directory\)[^\n]*could not write its result/
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check .*perfgate: 1 blocking gate violation/
return true
