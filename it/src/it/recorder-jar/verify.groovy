import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[PASS\] RecorderJarTest#buildsAList/ || log.contains('Passed: 1')

// the jar the build above ran from
def jars = new File(localRepositoryPath, 'io/perfgate/perfgate-junit').listFiles()
        .collectMany { dir -> (dir.listFiles() ?: []).findAll { it.name ==~ /perfgate-junit-[^-]+(-SNAPSHOT)?\.jar/ } }
assert jars.size() == 1 : "expected one perfgate-junit jar in ${localRepositoryPath}, found ${jars}"
def jar = jars[0]
def names = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }

// what runs in Maven stays out of the test JVM
def mavenSide = ['io/perfgate/core/report/', 'io/perfgate/core/regression/', 'io/perfgate/core/baseline/',
                 'io/perfgate/core/trend/', 'io/perfgate/core/aggregate/', 'io/perfgate/core/importer/',
                 'io/perfgate/core/jmh/JmhRunner', 'io/perfgate/core/jmh/JmhCommand', 'io/perfgate/core/frontend/LighthouseRunner']
def leaked = names.findAll { name -> mavenSide.any { name.startsWith(it) } }
assert leaked.isEmpty() : "Maven-side classes in the recorder jar: ${leaked.take(10)}"
assert names.contains('io/perfgate/junit/PerfGateExtension.class')
assert names.contains('io/perfgate/core/measure/MeasuringLoop.class')

// and nothing it keeps refers to a perfgate class it left out (a class dropped by minimizing would fail at run time)
def jdeps = new File(System.getProperty('java.home'), 'bin/jdeps').path
def process = [jdeps, '--missing-deps', jar.path].execute()
def out = new StringBuilder()
process.consumeProcessOutput(out, out)
assert process.waitFor() == 0 || out.length() > 0 : "jdeps failed: ${out}"
def missing = out.readLines().findAll { it =~ /->\s+io\.perfgate\.\S+\s+not found/ }
assert missing.isEmpty() : "the recorder jar refers to perfgate classes it does not hold:\n${missing.take(20).join('\n')}"

println "perfgate-junit jar: ${jar.length()} bytes, ${names.size()} entries"
// a guard against the jar growing back (6.6 MB before the recorder was minimized)
assert jar.length() < 4_800_000 : "the recorder jar grew to ${jar.length()} bytes"
return true
