import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def jtl = new File(basedir, 'target/jmeter/results').listFiles().find { it.name.endsWith('.csv') }
assert jtl != null
def lines = jtl.readLines().drop(1).findAll { it }
// the JTL holds 2 threads x 600 loops x 3 samplers
assert lines.size() == 3600
def results = new File(basedir, 'target/perfgate/results').listFiles().findAll { it.name.endsWith('.json') }
assert results.size() == 1
def result = new JsonSlurper().parse(results[0])
assert result.kind == 'load'
assert result.status == 'COMPLETED'
assert result.imported.engine == 'JMeter'
assert result.endpoints.keySet() == ['GET health', 'GET users', 'GET missing user'] as Set
assert result.endpoints['GET health'].invocations == 1200
assert result.endpoints['GET missing user'].errors == 1200
assert result.endpoints['GET missing user'].errorsByKind == ['status 404': 1200]
assert result.measurement.invocations == 3600
// JMeter's own dashboard counts the same samples and errors
def stats = new JsonSlurper().parse(new File(basedir, 'target/jmeter/reports/users-api/statistics.json'))
assert stats['GET health'].sampleCount == 1200
assert stats['GET missing user'].errorCount == 1200
assert stats['Total'].sampleCount == 3600
// Side by side with JMeter's dashboard, label by label (successful labels: JMeter's figures include failed
// samples, perfgate keeps them out of latency). Means are equal; a perfgate percentile is the nearest-rank order
// statistic k = ceil(p n) (HdrHistogram, 3 digits), JMeter's interpolates between k' = floor(p (n + 1)) and k' + 1.
['GET health', 'GET users'].each { label ->
    def elapsed = lines.collect { it.split(',') }.findAll { it[2] == label }.collect { it[1] as long }.sort()
    def n = elapsed.size()
    def line = log.readLines().find { it.contains("  ${label}: ") && it.contains(' samples, ') }
    def m = line =~ /: (\d+) samples, (\d+) errors .*mean ([0-9.]+) ms, p90 ([0-9.]+) ms, p95 ([0-9.]+) ms, p99 ([0-9.]+) ms/
    assert m.find() : line
    assert (m.group(1) as long) == stats[label].sampleCount
    assert (m.group(2) as long) == stats[label].errorCount
    assert Math.abs((m.group(3) as double) - stats[label].meanResTime) < 0.01
    [[0.90, 4, 'pct1ResTime'], [0.95, 5, 'pct2ResTime'], [0.99, 6, 'pct3ResTime']].each { p, group, key ->
        def nearest = elapsed[(int) Math.ceil(p * n) - 1]
        def perfgate = m.group(group) as double
        assert Math.abs(perfgate - nearest) <= nearest * 0.001 + 0.01 : "${label} p${p}: perfgate ${perfgate}, order statistic ${nearest}"
        int low = (int) Math.floor(p * (n + 1))
        def jmeter = stats[label][key] as double
        assert jmeter >= elapsed[low - 1] - 1e-6 && jmeter <= elapsed[Math.min(n, low + 1) - 1] + 1e-6 : "${label} ${key} ${jmeter}"
        println "side by side ${label} p${(int) (p * 100)}: perfgate ${perfgate} ms, JMeter ${jmeter} ms"
    }
}
def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('Imported from JMeter')
assert html.contains('import.yaml#users-api')
return true
