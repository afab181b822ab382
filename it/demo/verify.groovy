// Run by it/pom.xml (invoker execution "demo"): the demo passes, its report is written, and the audit
// test shows the WARN it is there to show.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[WARNING\] \[WARN\] @LatencyGate: p95 = [0-9.,]+ ms exceeds the target 2 ms \(threshold 250 ms\) \(AuditLogPerfTest#auditsAnOrder, /
assert log.contains('Blocking violations: 0')
def html = new File(basedir, 'target/perfgate/index.html')
assert html.isFile()
['pricesATypicalOrder', 'pricesALargeOrder', 'encodesAPricedOrder', 'auditsAnOrder'].each { assert html.text.contains(it) }
// HTTP load: the JUnit load test and the two scenarios of src/test/perfgate/load.yaml were recorded and judged
['browseSignUpAndReport', 'load.yaml#users-api', 'load.yaml#health-capacity', 'GET /api/v1/users/{id}'].each {
    assert html.text.contains(it) : "the report lists $it"
}
assert log =~ /perfgate load 'health-capacity': capacity [0-9,.]+\/s/
assert log.contains("perfgate load: recorded 2 scenarios of load.yaml")
return true
