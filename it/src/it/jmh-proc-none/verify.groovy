def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
// not the misleading "add jmh-generator-annprocess": it is there; the parent's -proc:none is the cause
assert !log.contains('Add org.openjdk.jmh:jmh-generator-annprocess')
assert log =~ /Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:jmh [^\n]*perfgate: bench\/ParseBench\.class has @Benchmark methods, but the test compilation turns annotation processing off with <compilerArgs><arg>-proc:none<\/arg><\/compilerArgs> \(declared in io\.perfgate\.it:jmh-proc-none-parent:1\.0-SNAPSHOT/
assert log.contains("Fix: give the maven-compiler-plugin's <execution><id>default-testCompile</id> its own <compilerArgs combine.self=\"override\"> without -proc:none")
assert log.contains('then run mvn clean verify')
assert !log.contains('Perf tests:')
return true
