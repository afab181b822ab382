import groovy.json.JsonSlurper

// the engines end after the run (server.exitaftertest, the controller's -X) or after 180 s; kill any left, by PID
['engine-1', 'engine-2'].each { name ->
    def pidFile = new File(basedir, "target/${name}.pid")
    if (pidFile.isFile()) {
        ProcessHandle.of(pidFile.text.trim() as long).ifPresent { process ->
            process.descendants().forEach { it.destroyForcibly() }
            process.destroyForcibly()
        }
    }
}

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def jtl = new File(basedir, 'target/jmeter/results').listFiles().find { it.name.endsWith('.csv') }
assert jtl != null
def lines = jtl.readLines()
def header = lines[0].split(',') as List
def threadColumn = header.indexOf('threadName')
def labelColumn = header.indexOf('label')
assert threadColumn >= 0 && labelColumn >= 0
def rows = lines.drop(1).findAll { it }.collect { it.split(',') }
// in distributed mode JMeter names each thread after the engine that ran it: "127.0.0.1:39285-users 1-1"
def byEngine = rows.groupBy { row -> (row[threadColumn] =~ /^(.+)-users \d+-\d+$/).with { it.find() ? it.group(1) : row[threadColumn] } }
println "samples per engine: " + byEngine.collectEntries { engine, samples -> [(engine): samples.size()] }
assert byEngine.keySet() == ['127.0.0.1:39285', '127.0.0.1:39287'] as Set
// each engine ran the whole plan once, 2 threads x 200 loops x 3 samplers, as a single engine would
byEngine.each { engine, samples ->
    assert samples.size() == 1200 : "${engine}: ${samples.size()} samples"
    assert samples.countBy { it[labelColumn] } == ['GET health': 400, 'GET users': 400, 'GET missing user': 400]
}
assert rows.size() == 2400

// perfgate counted the samples of both engines: twice one engine's
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 1
def result = new JsonSlurper().parse(results[0])
assert result.kind == 'load'
assert result.status == 'COMPLETED'
assert result.imported.engine == 'JMeter'
assert result.measurement.invocations == 2400
assert result.endpoints['GET health'].invocations == 800
assert result.endpoints['GET users'].invocations == 800
assert result.endpoints['GET missing user'].invocations == 800
assert result.endpoints['GET missing user'].errors == 800
assert result.endpoints['GET missing user'].errorsByKind == ['status 404': 800]
assert result.endpoints['GET health'].errors == 0
assert log =~ /overall: 2400 samples, 800 errors/
def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('Imported from JMeter')
return true
