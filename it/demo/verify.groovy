// Run by it/pom.xml (invoker execution "demo"): the demo passes, its report is written, and the audit
// test shows the WARN it is there to show.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[WARNING\] \[WARN\] @LatencyGate: p95 = [0-9.,]+ ms exceeds the target 2 ms \(threshold 250 ms\) \(AuditLogPerfTest#auditsAnOrder, /
assert log.contains('Blocking violations: 0')
def html = new File(basedir, 'target/perfgate/index.html')
assert html.isFile()
['pricesATypicalOrder', 'pricesALargeOrder', 'encodesAPricedOrder', 'auditsAnOrder'].each { assert html.text.contains(it) }
return true
