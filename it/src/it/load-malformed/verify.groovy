def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the error names the file and the field, and what a valid value looks like
assert log =~ /perfgate load: \S*src\/test\/perfgate\/load\.yaml: scenarios\[0\]\.load\.rate: cannot read '10 per second': expected a rate such as 1000\/s/
// nothing was recorded, so nothing can pass
def results = new File(basedir, 'target/perfgate/results')
assert !results.exists() || results.listFiles().findAll { it.name.endsWith('.json') }.isEmpty()
return true
