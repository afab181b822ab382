import groovy.json.JsonParserType
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('gatling-maven-plugin:4.16.0:test')
def runs = new File(basedir, 'target/gatling').listFiles().findAll { it.isDirectory() }
assert runs.size() == 1
// Gatling 3.12+ writes its report statistics as js/stats.js (no stats.json) and its simulation.log in binary
def statsJs = new File(runs[0], 'js/stats.js')
assert statsJs.isFile()
assert !new File(runs[0], 'js/stats.json').exists()

// Gatling's own figures, read apart from perfgate: its console summary in the build log ...
def lines = log.readLines()
def consoleRow = { String name ->
    // the last "> name | total | ok | ko" row of the Requests table (Gatling prints it every few seconds, then at the end)
    def row = lines.findAll { it.startsWith("> ${name} ") && it.count('|') == 3 }.last()
    row.split(/\|/)[1..3]*.trim()*.replace(',', '')   // Gatling groups thousands: "2,293"
}
def global = [:]
int info = lines.findLastIndexOf { it.startsWith('---- Global Information') }
assert info >= 0
lines.drop(info + 1).takeWhile { it.startsWith('> ') }.each { row ->
    def cells = row.split(/\|/)
    global[cells[0].substring(2).trim()] = cells[1..3]*.trim()*.replace(',', '')
}
assert global['request count'] == ['600', '400', '200']
// ... and its report statistics (js/stats.js: one object literal assigned to a variable, then a function)
def text = statsJs.text
def object = text.substring(text.indexOf('{'), text.indexOf('\nfunction fillStats'))
def stats = new JsonSlurper().setType(JsonParserType.LAX).parseText(object)
def byName = stats.contents.values().collectEntries { [(it.name): it.stats] }
assert byName.keySet() == ['GET health', 'GET users', 'GET missing user'] as Set

// what perfgate recorded
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 1
def result = new JsonSlurper().parse(results[0])
assert result.kind == 'load'
assert result.status == 'COMPLETED'
assert result.imported.engine == 'Gatling'
assert result.imported.note.contains("Gatling's own report statistics")
// which percentiles stats.js holds, perfgate reads from the report's column heads (index.html), not from a default
assert result.imported.note.contains('percentiles 50, 75, 95, 99 of successful requests as Gatling computed them (the indicators its index.html names)')
assert result.endpoints.keySet() == byName.keySet()
assert result.measurement.invocations == 600
assert result.measurement.errors == 200

// side by side, label by label: counts and errors exactly as Gatling's console and stats.js give them, and the
// percentiles perfgate gates (Gatling's 50th, 95th, 99th of OK requests, whole milliseconds) within HdrHistogram's
// 3 significant digits
def perfgateLine = { String name ->
    def line = lines.find { it.contains("  ${name}: ") && it.contains(' samples, ') }
    def m = line =~ /: (\d+) samples, (\d+) errors [^;]*(; p50 ([0-9.]+) ms, p95 ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms \(Gatling's own figures\))?$/
    assert m.find() : line
    [count: m.group(1) as long, errors: m.group(2) as long, p50: m.group(4) as Double, p95: m.group(5) as Double,
     p99: m.group(6) as Double, max: m.group(7) as Double]
}
def close = { double perfgate, double gatling -> Math.abs(perfgate - gatling) <= gatling * 0.001 + 0.01 }
(byName.keySet() + ['overall']).each { name ->
    def mine = perfgateLine(name)
    def console = consoleRow(name == 'overall' ? 'Global' : name)
    def reported = name == 'overall' ? stats.stats : byName[name]
    assert mine.count == (console[0] as long) && mine.count == (reported.numberOfRequests.total as long)
    assert mine.errors == (console[2] as long) && mine.errors == (reported.numberOfRequests.ko as long)
    // a name whose requests all failed (GET missing user) has no latency in Gatling's figures nor in perfgate's
    assert (mine.p50 == null) == (reported.numberOfRequests.ok == '0')
    if (mine.p50 != null) {
        [['p50', 'percentiles1', 'response time 50th percentile (ms)'], ['p95', 'percentiles3', 'response time 95th percentile (ms)'],
         ['p99', 'percentiles4', 'response time 99th percentile (ms)'], ['max', 'maxResponseTime', 'max response time (ms)']].each { key, field, row ->
            double gatling = reported[field].ok as double
            assert close(mine[key], gatling) : "${name} ${key}: perfgate ${mine[key]} ms, Gatling ${gatling} ms"
            if (name == 'overall') {
                assert close(mine[key], global[row][1] as double) : "${name} ${key}: perfgate ${mine[key]} ms, Gatling's console ${global[row]}"
            }
            println "side by side ${name} ${key}: perfgate ${mine[key]} ms, Gatling ${gatling} ms"
        }
    }
}
// the run itself: 2 users x 100 loops x 3 requests, the missing user's 404 a KO in Gatling and an error in perfgate
assert result.endpoints['GET health'].invocations == 200
assert result.endpoints['GET health'].errors == 0
assert result.endpoints['GET missing user'].errors == 200

def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('Imported from Gatling')
assert html.contains('import.yaml#users-api')
assert html =~ /Gatling(&#39;|&#x27;|')s own report statistics/
return true
