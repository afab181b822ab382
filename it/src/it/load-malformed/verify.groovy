def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def (log, skipped) = runs
assert log.contains('BUILD FAILURE')
assert skipped.contains('perfgate: no load scenarios run (skipTests)')
assert skipped.contains('BUILD SUCCESS')
// the error names the file and the field, and what a valid value looks like
assert log =~ /perfgate load: \S*src\/test\/perfgate\/load\.yaml: scenarios\[0\]\.load\.rate: cannot read '10 per second': expected a rate such as 1000\/s/
// nothing was recorded, so nothing can pass
def results = new File(basedir, 'target/perfgate/results')
assert !results.exists() || results.listFiles().findAll { it.name.endsWith('.json') }.isEmpty()
return true
