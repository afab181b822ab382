import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// without the tests, no module has results: the last module says so and fails the build
assert log =~ /perfgate:compare: no gated JUnit test recorded a result in .*app[\/\\]target[\/\\]perfgate[\/\\]results nor in any other module; compare runs the tests this build's test phase measured/

// the aggregator and core have no perf tests: passed over, not an error
assert log =~ /perfgate:compare: no gated JUnit test recorded a result in .*compare-multi-module[\/\\]target[\/\\]perfgate[\/\\]results; nothing to compare in this module/
assert log =~ /perfgate:compare: no gated JUnit test recorded a result in .*core[\/\\]target[\/\\]perfgate[\/\\]results; nothing to compare in this module/
// app's base ran against the base of core, built with it in the worktree's reactor: the slowdown in core is caught
assert log.contains('perfgate: comparing 1 gated test(s) with ' + base.substring(0, 10) + ' (main: base) in 5 pairs')
assert log =~ /\[ERROR\] \[REGRESSED\] p50 \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs base \(.*\) exceeds the allowed \+10% \(PricingPerfTest#quote, 5 pairs, p = 0\.0313\)/
assert log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'app/target/perfgate/compare.json'))
assert json.base.commit == base
def test = json.tests.find { it.label == 'PricingPerfTest#quote' }
assert test.metrics[0].outcome == 'REGRESSED'
assert test.metrics[0].ratio > 1.5
assert !new File(basedir, 'app/target/perfgate/compare/base').exists()
return true
