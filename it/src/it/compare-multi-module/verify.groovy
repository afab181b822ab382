import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// 1 (tests not run): no module has results, and the last module says so and fails the build
assert log =~ /perfgate:compare: no gated JUnit test, JMH benchmark or load scenario \(with perfgate\.compare\.service set\) recorded a result in .*dist[\/\\]target[\/\\]perfgate[\/\\]results nor in any other module; compare runs what this build measured: run it after the tests/

// 2: the aggregator, core and dist (the last module, after app) have no perf tests: passed over, not an error;
// with 1's three (aggregator, core, app), six such lines
def passedOver = (log =~ /perfgate:compare: no gated JUnit test, JMH benchmark or load scenario \(with perfgate\.compare\.service set\) recorded a result in .*; nothing to compare in this module/).size()
assert passedOver == 6: "expected 6 modules passed over, saw ${passedOver}"
assert log =~ /perfgate:compare: no gated JUnit test, JMH benchmark or load scenario \(with perfgate\.compare\.service set\) recorded a result in .*dist[\/\\]target[\/\\]perfgate[\/\\]results; nothing to compare in this module/
assert log.contains('perfgate: the base was built from its reactor (the repository\'s top) with the modules this one depends on')
// app's base ran against the base of core, built with it in the worktree's reactor: the slowdown in core is caught
assert log.contains('perfgate: comparing 1 gated test(s) with ' + base.substring(0, 10) + ' (main: base) in 5 pairs')
assert log =~ /\[WARNING\] perfgate: blocking regressions reported only \(perfgate.failOnViolation=false\)/
assert log =~ /\[ERROR\] \[REGRESSED\] p50 \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs base \(.*\) exceeds the allowed \+10% \(PricingPerfTest#quote, 5 pairs, p = 0\.0313\)/
assert log.contains('BUILD FAILURE') // 1
assert log.trim().contains('BUILD SUCCESS') // 2

def json = new JsonSlurper().parse(new File(basedir, 'app/target/perfgate/compare.json'))
assert json.base.commit == base
def test = json.tests.find { it.label == 'PricingPerfTest#quote' }
assert test.metrics[0].outcome == 'REGRESSED'
assert test.metrics[0].ratio > 1.2 // 800 against 400 us parked; a busy machine's overshoot narrows it
assert !new File(basedir, 'app/target/perfgate/compare/base').exists()
return true
