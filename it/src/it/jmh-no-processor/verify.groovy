def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:jmh [^\n]*perfgate: bench\/ForgottenBench\.class has @Benchmark methods, but JMH's annotation processor did not run/
assert log.contains("Add org.openjdk.jmh:jmh-generator-annprocess to the maven-compiler-plugin's <annotationProcessorPaths>")
assert !log.contains('Perf tests:')
return true
