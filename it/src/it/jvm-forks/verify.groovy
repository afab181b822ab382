import groovy.json.JsonSlurper

def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 4
def (uneven, record, unchanged, crashed) = runs

// the JVMs of each 5 smoke rounds, in order: three, or five when the first three disagreed (a busy machine)
def roundsOf = { int jvms -> (0..<jvms).collectMany { [it] * 5 } }

// 2. three JVMs measured the test (five if they disagreed): the console names each one's p50, the baseline keeps each value's JVM
def measured = (record =~ /\[perfgate\] HashTest#sha256: measured in ([35]) JVMs, p50 [0-9.]+ \S+, [0-9.]+ \S+, [0-9.]+ \S+/)
assert measured.find()
int recordJvms = measured.group(1) as int
assert record.contains('BUILD SUCCESS')
def baselines = new File(basedir, '.perfgate/baselines').listFiles().findAll { it.name.endsWith('.json') }
assert baselines.size() == 1
def baseline = new JsonSlurper().parse(baselines[0])
assert baseline.metrics.p50.jvms == roundsOf(recordJvms)
// each fork ran in a JVM of its own, with its own results directory and log (one folder a test)
def forkDirs = new File(basedir, 'target/perfgate/forks').listFiles()
assert forkDirs.any { new File(it, 'jvm-1/fork.log').isFile() && new File(it, 'jvm-2/results').isDirectory() }

// 3. the rebuild compares JVMs with JVMs, the spread between them in every message
assert unchanged.contains('BUILD SUCCESS')
assert unchanged =~ /Baseline: [0-9]+ metrics compared, 0 regressed/
assert !(unchanged =~ /\[REGRESSED\]/)
// the result file carries every round with the JVM that measured it, and the report each JVM's figures
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
def hash = results.collect { new JsonSlurper().parse(it) }.find { it.methodName == 'sha256' }
int rebuildJvms = hash.measurement.rounds*.jvm.max() + 1
assert rebuildJvms in [3, 5]
assert hash.measurement.rounds*.jvm == roundsOf(rebuildJvms)
assert new File(basedir, 'target/perfgate/index.html').text =~ /Measured in [35] JVMs: p50 [^;]+, [^;]+, [^;]+; p95 /

// 4. the second JVM of CrashingForkTest died: the test is not measured and its gate fails, naming the fork
assert crashed.contains('BUILD FAILURE')
assert crashed.contains('fork 1 of 2 (JVM 2 of 3 measuring CrashingForkTest#diesInAFork) exited with 134')
assert crashed.contains('simulated crash of the second JVM')
def crash = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
        .collect { new JsonSlurper().parse(it) }.find { it.methodName == 'diesInAFork' }
assert crash.status != 'COMPLETED'
assert crash.measurement == null
assert crash.statusReason.contains('a test is judged only when every JVM measured it')
def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
// every comparison of HashTest (compared again in run 3) names the spread between the JVMs of both sides
def hashComparisons = summary.baseline.comparisons.findAll { it.test == 'HashTest#sha256' }
// p95 as well on a quiet machine; under two CPU hogs the smoke rounds held too few samples for a per-round p95
assert hashComparisons*.metric.containsAll(['p50', 'mean'])
assert hashComparisons.every { it.message =~ /\(HashTest#sha256, [0-9]+ vs [0-9]+ replicates, JVM spread [0-9.]+% between [1-5] \+ [1-5] JVMs/ }
// p50 and the mean have replicates from every JVM; a tail percentile only from the JVMs whose rounds held enough
// samples for it (under two CPU hogs a p99 was compared as 5 + 1 JVMs: the other rounds had 961 of 1000 samples)
assert hashComparisons.findAll { it.metric in ['p50', 'mean'] }.every { it.message =~ /between [35] \+ [35] JVMs/ }
def violation = summary.blockingViolations.find { it.test == 'CrashingForkTest#diesInAFork' }
assert violation != null
assert violation.message.contains('fork 1 of 2')

// 1. the second of three JVMs was twice as slow: two more measured the test, and the console says why
assert uneven.contains('BUILD SUCCESS')
assert uneven =~ /\[perfgate\] UnevenForkTest#slowInTheSecondJvm: measured in 2 more JVMs because the first 3 JVMs' p50 differed by [0-9.]+% \([0-9.]+ \S+, [0-9.]+ \S+, [0-9.]+ \S+\)/
assert uneven.contains('[perfgate] UnevenForkTest#slowInTheSecondJvm: measured in 5 JVMs, p50 ')
// (measured again in run 4, whose results are on disk)
assert crashed.contains('[perfgate] UnevenForkTest#slowInTheSecondJvm: measured in 5 JVMs, p50 ')
def unevenResult = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
        .collect { new JsonSlurper().parse(it) }.find { it.methodName == 'slowInTheSecondJvm' }
assert unevenResult.measurement.rounds*.jvm == roundsOf(5)
assert new File(basedir, 'target/perfgate/forks').listFiles().any { new File(it, 'jvm-4/fork.log').isFile() }
return true
