import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def base = ['git', 'rev-parse', 'main'].execute(null, basedir).text.strip()

// perfgate:load passed the scenario on its own; compare runs each version's service in turn and drives it alike
assert log.contains('perfgate load: recorded 1 scenario of load.yaml')
assert log.contains('perfgate: comparing 1 gated load scenario(s) with ' + base.substring(0, 10) + ' (main: base) in 6 pairs of forks')
assert log.contains('perfgate: the base was built as this module alone, and packaged for {jar:service}')
assert log.contains("perfgate: each side's service is started with java -jar {jar:service} {port} 120")
assert log =~ /compare pair 6\/6, (base|head): ok/
assert log =~ /\[ERROR\] \[REGRESSED\] p50 \+[0-9.]+% \[\+[0-9.]+%, \+[0-9.]+%\] vs base \([0-9.]+ ms -> [0-9.]+ ms\) exceeds the allowed \+10% \(load\.yaml#quotes, 6 pairs, p = 0\.0[0-9]+\)/
assert log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/compare.json'))
def quotes = json.tests.find { it.label == 'load.yaml#quotes' }
assert quotes.status == 'COMPARED'
assert quotes.metrics*.metric == ['p50']
assert quotes.metrics[0].outcome == 'REGRESSED'
assert quotes.metrics[0].ratio > 1.5

// each fork started its own version's service on a port of its own, drove it, and stopped it
def ports = []
['pair-01-base', 'pair-01-head', 'pair-06-base'].each { fork ->
    def directory = new File(basedir, 'target/perfgate/compare/services/' + fork)
    def listening = (new File(directory, 'service.log').text =~ /(?m)quote server listening on ([0-9]+) from (.+)$/)
    assert listening.find(): fork
    ports << (listening.group(1) as int)
    // each version's package attached as 'service' ({jar:service}): head's in this build, the base's in its worktree
    def jar = new File(listening.group(2))
    assert jar.name == 'compare-load-1.0-SNAPSHOT-service.jar': listening.group(2)
    def expected = fork.endsWith('head') ? new File(basedir, 'target/' + jar.name).canonicalPath
            : new File(basedir, 'target/perfgate/compare/base').canonicalPath + File.separator
    assert jar.canonicalPath.startsWith(expected): "${fork} ran ${jar}"
    assert new File(directory, 'load.log').text.contains("load 'quotes': open model, 100/s for 3 s")
}
ports.each { port ->
    try {
        new Socket('127.0.0.1', port).close()
        assert false: "a compare service still listens on ${port}"
    } catch (ConnectException stopped) {
        // stopped, as it should be
    }
}
assert !new File(basedir, 'target/perfgate/compare/base').exists()
return true
