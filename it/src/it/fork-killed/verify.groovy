import groovy.json.JsonSlurper

def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def (verify, check) = runs

// the JVM died in B: surefire names the crash
assert verify.contains('The forked VM terminated without properly saying goodbye')
assert verify.contains('shop.B_CrashTest')

// the plan, written before A ran, names A and C (B is no gated test)
def plans = new File(basedir, 'target/perfgate/plans').listFiles().findAll { it.name.endsWith('.json') }
assert plans.size() == 1
def planned = new JsonSlurper().parse(plans[0]).tests*.methodName
assert planned == ['quick', 'neverReached']

// check: A passed, C is a FAIL naming the test and the likely cause; never "nothing to check"
assert !check.contains('nothing to check')
assert check =~ /\[ERROR\]   \[FAIL\] C_GatedTest#neverReached [^\n]*planned by test JVM \S+ but left no result: the JVM was killed or crashed/
assert check.contains('perfgate: 1 blocking gate violation')
assert !(check =~ /\[FAIL\] A_GatedTest/)
def summary = new JsonSlurper().parse(new File(basedir, 'target/perfgate/summary.json'))
assert summary.status == 'FAILED'
return true
