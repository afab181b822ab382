import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// the tests pass on their own (the absolute gates are generous); compare fails the build naming test and metric
assert log.contains('perfgate: comparing 2 gated test(s) with ' + base.substring(0, 10) + ' (main: base) in 6 pairs')
assert log =~ /compare pair 6\/6, (base|head): ok/
assert log =~ /\[ERROR\] \[REGRESSED\] p50 \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs base \(.*\) exceeds the allowed \+10% \(PricingPerfTest#quote, 6 pairs, p = 0\.0313 after Holm over 2 comparisons\)/
// CPU time, named by tax's gate, doubles; the hint to allow it is quoted for the shell ("CPU mean" holds a space)
assert log =~ /\[ERROR\] \[REGRESSED\] CPU mean \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs base \([0-9.]+ (ns|us|ms) -> [0-9.]+ (us|ms)\) exceeds the allowed \+10% \(PricingPerfTest#tax, 6 pairs, p = 0\.0313 after Holm over 2 comparisons\); fix the regression, or if intended allow it: "-Dperfgate\.regression\.allowed=PricingPerfTest#tax:CPU mean=\+[0-9]+%"/
assert log =~ /perfgate: 2 blocking regressions against the base [0-9a-f]{10} \(main: base\):/
assert log.contains('BUILD FAILURE')

// the reports, and the worktree is gone
def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/compare.json'))
assert json.base.commit == base
assert json.pairsRun == 6
assert json.blocking
def test = json.tests.find { it.label == 'PricingPerfTest#quote' }
assert test.status == 'COMPARED'
assert test.metrics*.metric == ['p50']
assert test.metrics[0].outcome == 'REGRESSED'
assert test.metrics[0].pairs.size() == 6
assert test.metrics[0].ratio > 1.2 // 800 against 400 us parked; a busy machine's overshoot narrows it
// CPU time alone, as its gate names no wall-time figure
def tax = json.tests.find { it.label == 'PricingPerfTest#tax' }
assert tax.metrics*.metric == ['CPU mean']
def cpu = tax.metrics[0]
assert cpu.outcome == 'REGRESSED'
assert cpu.unit == 'ns'
assert cpu.ratio > 1.5 && cpu.ratio < 2.5
assert new File(basedir, 'target/perfgate/compare.md').text.contains('| PricingPerfTest#quote | p50 |')
def html = new File(basedir, 'target/perfgate/compare.html').text
assert html.contains('<svg class="pairs"')
assert !new File(basedir, 'target/perfgate/compare/base').exists()
assert !['git', 'worktree', 'list'].execute(null, basedir).text.contains('compare/base')
return true
