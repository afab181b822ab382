import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// the module without perf tests passes with nothing to check, and writes nothing
assert log =~ /perfgate: no perfgate results in \S*plain\S*results/
assert !new File(basedir, 'plain/target/perfgate/index.html').exists()

// two forks, tests running concurrently inside each: no result is lost
def perfgate = new File(basedir, 'perf/target/perfgate')
def tests = ['cart', 'payment', 'shipping', 'invoice'].collectMany { [it + 'Small', it + 'Large'] }
assert new File(perfgate, 'results').listFiles().findAll { it.name.endsWith('.json') }.size() == tests.size()
assert log.contains('Perf tests: 8, Passed: 8, Warned: 0, Failed: 0, Inconclusive: 0, Skipped: 0, Blocking violations: 0')
['index.html', 'summary.json', 'summary.md', 'TEST-perfgate.xml'].each { name ->
    def text = new File(perfgate, name).text
    tests.each { assert text.contains(it) : "$name does not name $it" }
}
// each fork recorded its own test plan, none overwrote another: together they name every gated test once
def plans = new File(perfgate, 'plans').listFiles().findAll { it.name.endsWith('.json') }.collect { new JsonSlurper().parse(it) }
assert plans.size() >= 2 : "one plan per fork at least, got ${plans.size()}"
def planned = plans.collectMany { it.tests*.methodName }
assert planned.sort() == tests.sort()
assert !new File(basedir, 'plain/target/perfgate/plans').exists() : 'no gated test, no plan'
def summary = new JsonSlurper().parse(new File(perfgate, 'summary.json'))
assert summary.counts.tests == 8 && summary.counts.passed == 8
return true
