import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the failure names the violation and the expired waiver
assert log =~ /perfgate: 1 blocking gate violation:\s+\[FAIL\] @LatencyGate: p95 = 20(\.\d+)? ms exceeds the threshold 5 ms \(import\.yaml#orders, 400 samples[^\n]*; the waiver approved by alice \(\.perfgate\/waivers\.yaml line 2\) expired on 2020-01-01 and no longer applies/
def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
assert summary.status == 'FAILED'
assert summary.waivers.size() == 1
assert summary.waivers[0].status == 'EXPIRED'
assert summary.tests[0].gates[0].metrics[0].verdict == 'FAIL'
return true
