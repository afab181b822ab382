import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')

// the same verdicts as on Java 17: the passing gate passes, the violated one fails the build
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD FAILURE')
assert log =~ /\[ERROR\] \[FAIL\] @LatencyGate: p95 = [0-9.,]+ ms exceeds the threshold 1 ms \(NewJavaTest#sleepsFiveMillis, /
assert !(log =~ /\[FAIL\] [^\n]*runsOnJava25/)
assert new File(perfgate, 'index.html').text.contains('runsOnJava25')

// the results were measured on Java 25
def results = new File(perfgate, 'results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 2
results.each { assert new JsonSlurper().parse(it).environment.javaVersion.startsWith('25') }
return true
