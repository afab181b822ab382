import groovy.json.JsonSlurper

def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def (record, rebuild) = runs

// JaCoCo is on: prepare-agent ran, the unit tests ran with it (PricingTest asserts the agent), coverage was written
assert record.contains('jacoco-maven-plugin:0.8.12:prepare-agent')
assert record =~ /maven-surefire-plugin:[^:]+:test \(default-test\)/
assert record =~ /maven-surefire-plugin:[^:]+:test \(perf-tests\)/
assert new File(basedir, 'target/jacoco.exec').isFile()
assert new File(basedir, 'target/site/jacoco/index.html').isFile()
// each execution ran its own tests and only those: 2 unit tests with the agent, 1 gated test without it
def unitRun = record.substring(record.indexOf('(default-test)'), record.indexOf('(perf-tests)'))
def perfRun = record.substring(record.indexOf('(perf-tests)'))
assert unitRun =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in shop\.PricingTest/
assert !unitRun.contains('-- in shop.PricingPerfTest') : 'the gated test ran in the unit-test execution, with the agent'
assert perfRun =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in shop\.PricingPerfTest/
assert !perfRun.contains('-- in shop.PricingTest') : 'the unit tests ran again in the perf execution'
assert record =~ /perfgate: perfgateArgLine set to -Dperfgate\.mode=record/
assert !record.contains('replaces the \'perfgateArgLine\' property')

// the recorded result has no coverage agent among its JVM flags
def result = new File(basedir, 'target/perfgate/results').listFiles().find { it.name.endsWith('.json') }
def flags = new JsonSlurper().parse(result).environment.jvmArguments.join(' ')
assert !flags.contains('org.jacoco.agent') && !flags.contains('-javaagent') : flags

// the rebuild compares fairly with the baseline: nothing is unfair because of a coverage agent
assert rebuild.contains('BUILD SUCCESS')
assert rebuild =~ /Baseline: [1-9][0-9]* metrics compared, /
assert !rebuild.contains('coverage agent')
assert !rebuild.contains('not a fair comparison')
return true
