def log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// forks are told "off", so they neither record nor judge on their own
assert log.contains('perfgate: argLine set to -Dperfgate.mode=off')
assert log.count('perfgate: skipped (perfgate.skip)') == 2
assert !log.contains('Perf tests:')
assert !new File(basedir, 'target/perfgate/index.html').exists()
def results = new File(basedir, 'target/perfgate/results')
assert !results.exists() || results.list().length == 0
return true
