import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('perfgate: comparing 2 gated test(s) with ')
// surefire's argLine and systemPropertyVariables reach the forks (the tests refuse to run without them), prepare's
// recording settings in that argLine do not
assert log =~ /\[INFO\] perfgate: the forks' JVM arguments: -Dshop\.region=eu -Dshop\.currency=EUR\r?\n/
assert !log.contains('left out of the forks')
assert log =~ /\[INFO\] \[NEW\] PricingPerfTest#discounted: new in head: the base [0-9a-f]{10} \(main: base\) has no such test/
assert log =~ /Compared 1 of 2 gated tests with [0-9a-f]{10} \(main: base\) in 5 pairs: 1 metric, .*; new: 1, base failed: 0, head failed: 0/
assert !log.contains('[REGRESSED]')
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/compare.json'))
assert !json.blocking
def added = json.tests.find { it.label == 'PricingPerfTest#discounted' }
assert added.status == 'NEW'
assert added.metrics.isEmpty()
def kept = json.tests.find { it.label == 'PricingPerfTest#quote' }
assert kept.status == 'COMPARED'
assert kept.metrics[0].pairs.size() == 5
// the new test ran in no fork after the first base fork found it missing
assert !new File(basedir, 'target/perfgate/compare/forks/pair-01-head/fork.log').text.contains('discounted')
assert new File(basedir, 'target/perfgate/compare.md').text.contains('**PricingPerfTest#discounted**: 🆕 new in head')
return true
