def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// head's own tests pass; compare fails on the base, naming the commit and the compiler's message
assert log.contains('perfgate: comparing 1 gated test(s) with ' + base.substring(0, 10))
assert log =~ /perfgate:compare: the base commit ${base.substring(0, 10)} \(main: base\) does not build: its build exited with 1 \(log: [^)]*base-build\.log\)/
assert log.contains('undefinedFactor')
assert log.contains('choose another with -Dperfgate.against=<ref>')
assert !log.contains('compare pair 1/5')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/perfgate/compare/base').exists()
return true
