def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:jmh [^\n]*perfgate: JMH's META-INF\/BenchmarkList in [^\n]+ is stale: it lists bench\.RemovedBench\.sort, whose class is no longer compiled\. JMH would run the old list\. Run mvn clean verify/
assert !log.contains('Perf tests:')
return true
