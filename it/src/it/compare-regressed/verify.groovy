import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// the tests pass on their own (the absolute gate is generous); compare fails the build naming test and metric
assert log.contains('perfgate: comparing 1 gated test(s) with ' + base.substring(0, 10) + ' (main: base) in 5 pairs')
assert log =~ /compare pair 5\/5, (base|head): ok/
assert log =~ /\[ERROR\] \[REGRESSED\] p50 \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs base \(.*\) exceeds the allowed \+10% \(PricingPerfTest#quote, 5 pairs, p = 0\.0313\)/
assert log =~ /perfgate: 1 blocking regression against the base [0-9a-f]{10} \(main: base\):/
assert log.contains('BUILD FAILURE')

// the reports, and the worktree is gone
def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/compare.json'))
assert json.base.commit == base
assert json.pairsRun == 5
assert json.blocking
def test = json.tests.find { it.label == 'PricingPerfTest#quote' }
assert test.status == 'COMPARED'
assert test.metrics*.metric == ['p50']
assert test.metrics[0].outcome == 'REGRESSED'
assert test.metrics[0].pairs.size() == 5
assert test.metrics[0].ratio > 1.5
assert new File(basedir, 'target/perfgate/compare.md').text.contains('| PricingPerfTest#quote | p50 |')
def html = new File(basedir, 'target/perfgate/compare.html').text
assert html.contains('<svg class="pairs"')
assert !new File(basedir, 'target/perfgate/compare/base').exists()
assert !['git', 'worktree', 'list'].execute(null, basedir).text.contains('compare/base')
return true
