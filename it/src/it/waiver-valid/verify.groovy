import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def perfgate = new File(basedir, 'target/perfgate')
assert log.contains('BUILD SUCCESS')
// the console names the waived violation with its value, bound and waiver
assert log =~ /\[WARNING\] \[WAIVED\] @LatencyGate: p95 = 20(\.\d+)? ms exceeds the threshold 5 ms \(import\.yaml#orders, 400 samples[^\n]*; waived by alice until 2099-12-31 \(\.perfgate\/waivers\.yaml line 3\): orders are slow until the pricing rewrite \(PRJ-42\)/
assert log.contains('Waived: 1')
// a waiver that matches nothing is a warning naming it
assert log =~ /\[WARNING\] perfgate: the waiver for import\.yaml#no-such-import \(\.perfgate\/waivers\.yaml line 8\) matches no blocking violation/

def summary = new JsonSlurper().parse(new File(perfgate, 'summary.json'))
assert summary.status == 'PASSED'
assert summary.counts.waived == 1
assert summary.waivers.size() == 1
assert summary.waivers[0].status == 'WAIVED'
assert summary.waivers[0].approver == 'alice'
assert summary.waivers[0].judged == 'FAIL'
assert summary.tests[0].gates[0].metrics[0].verdict == 'WAIVED'

def html = new File(perfgate, 'index.html').text
assert html.contains('<span class="verdict v-WAIVED">WAIVED</span>')
assert html.contains('<h2 id="waivers">Waivers</h2>')
def markdown = new File(perfgate, 'summary.md').text
assert markdown.contains('### Waivers')
assert markdown =~ /\| WAIVED \| import\.yaml#orders \| `@LatencyGate` \| p95 \| FAIL \| alice \| 2099-12-31 \|/
def xml = new File(perfgate, 'TEST-perfgate.xml').text
assert !xml.contains('<failure')
assert xml.contains('WAIVED (BLOCKING): p95 = ')
return true
