import groovy.xml.XmlSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[PASS\] RecorderJarTest#buildsAList/ || log.contains('Passed: 1')

// the jars the build above ran from (perfgate-junit), and the load tests' jar beside it
def jarOf = { String artifact ->
    def jars = new File(localRepositoryPath, "io/perfgate/${artifact}").listFiles()
            .collectMany { dir -> (dir.listFiles() ?: []).findAll { it.name ==~ /${artifact}-[^-]+(-SNAPSHOT)?\.jar/ } }
    assert jars.size() == 1 : "expected one ${artifact} jar in ${localRepositoryPath}, found ${jars}"
    jars[0]
}
def entries = { File file -> new ZipFile(file).withCloseable { zip -> zip.entries().collect { it.name } } }
def jar = jarOf('perfgate-junit')
def loadJar = jarOf('perfgate-junit-load')
def names = entries(jar)
def loadNames = entries(loadJar)

// what runs in Maven stays out of the test JVM
def mavenSide = ['io/perfgate/core/report/', 'io/perfgate/core/regression/', 'io/perfgate/core/baseline/',
                 'io/perfgate/core/trend/', 'io/perfgate/core/aggregate/', 'io/perfgate/core/importer/',
                 'io/perfgate/core/jmh/JmhRunner', 'io/perfgate/core/jmh/JmhCommand', 'io/perfgate/core/frontend/LighthouseRunner']
def leaked = names.findAll { name -> mavenSide.any { name.startsWith(it) } }
assert leaked.isEmpty() : "Maven-side classes in the recorder jar: ${leaked.take(10)}"
assert names.contains('io/perfgate/junit/PerfGateExtension.class')
assert names.contains('io/perfgate/core/measure/MeasuringLoop.class')

// the HTTP client and the load engine are in perfgate-junit-load only, which tests without @LoadTest leave out
def httpSide = ['io/perfgate/shaded/hc/', 'io/perfgate/core/load/', 'io/perfgate/junit/load/']
def http = names.findAll { name -> httpSide.any { name.startsWith(it) } }
assert http.isEmpty() : "HTTP load classes in the recorder jar: ${http.take(10)}"
assert loadNames.contains('io/perfgate/junit/load/LoadRunner.class')
assert loadNames.contains('io/perfgate/core/load/LoadEngine.class')
def doubled = loadNames.findAll { it.endsWith('.class') && names.contains(it) }
assert doubled.isEmpty() : "classes in both jars: ${doubled.take(10)}"
// its pom brings perfgate-junit and nothing it has shaded (core, HttpCore); JUnit and tests aside
def loadPom = new XmlSlurper().parse(new File(loadJar.path.replaceAll(/\.jar$/, '.pom')))
def brought = loadPom.dependencies.dependency.findAll { it.scope.text() in ['', 'compile', 'runtime'] }
        .collect { "${it.groupId.text()}:${it.artifactId.text()}" }
assert brought == ['io.perfgate:perfgate-junit'] : "perfgate-junit-load's pom brings ${brought}"

// and nothing it keeps refers to a perfgate class it left out (a class dropped by minimizing would fail at run time)
def jdeps = new File(System.getProperty('java.home'), 'bin/jdeps').path
def missingIn = { List<String> arguments ->
    def process = ([jdeps, '--missing-deps'] + arguments).execute()
    def out = new StringBuilder()
    process.consumeProcessOutput(out, out)
    assert process.waitFor() == 0 || out.length() > 0 : "jdeps failed: ${out}"
    out.readLines().findAll { it =~ /->\s+io\.perfgate\.\S+\s+not found/ }
}
def missing = missingIn([jar.path])
assert missing.isEmpty() : "the recorder jar refers to perfgate classes it does not hold:\n${missing.take(20).join('\n')}"
// the load jar relies on the recorder jar for the rest of core, Jackson and HdrHistogram (relocated alike)
missing = missingIn(['-cp', jar.path, loadJar.path])
assert missing.isEmpty() : "the load jar refers to perfgate classes neither jar holds:\n${missing.take(20).join('\n')}"

println "perfgate-junit jar: ${jar.length()} bytes, ${names.size()} entries; perfgate-junit-load jar: ${loadJar.length()} bytes"
// 2.94 MB now (4.57 MB with the load engine inside, 6.6 MB before minimizing): at most half the 6.3 MB the
// architecture issue started from, with a little room (Jackson is most of what is left)
assert jar.length() <= 3_150_000 : "the recorder jar grew to ${jar.length()} bytes"
return true
