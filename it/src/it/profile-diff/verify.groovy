import groovy.json.JsonSlurper

// build.log holds the two invocations of invoker.properties, one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def (record, slower) = runs

// 1. the baseline keeps the profile it was recorded with: stacks that name the checkout's methods
assert record.contains('BUILD SUCCESS')
def baselines = new File(basedir, '.perfgate/baselines').listFiles().findAll { it.name.endsWith('.json') }
assert baselines.size() == 1
def profile = new JsonSlurper().parse(baselines[0]).result.measurement.profile
assert profile.executionSamples > 0 // few samples a second of a loop of short invocations: 46 for 60,000 calls were seen
assert profile.frames.contains('shop.OrderPricing.applyDiscounts')
assert profile.frames.contains('shop.Cart.subtotal')
assert profile.stacks.size() <= 100

// 2. one method does extra work: the regression message, the console and the failure name it
assert slower.contains('BUILD FAILURE')
def named = /: most of the added time is in OrderPricing\.applyDiscounts \(\+[0-9]+ % of samples\)/
assert slower =~ /\[ERROR\] \[REGRESSED\] p95 \+[0-9.]+% .*\(CheckoutTest#checkout, [^)]*\)/ + named
assert slower =~ /\[ERROR\] Hot spots of CheckoutTest#checkout: OrderPricing\.applyDiscounts [0-9]+ %/
assert slower =~ /perfgate: [0-9] blocking regressions? against the baseline:/

// the report: hot spots and flame graph of the test, and the differential view against the baseline
def html = new File(basedir, 'target/perfgate/index.html').text
assert html.contains('<h5>Profile</h5>')
assert html.contains('aria-label="Flame graph of CheckoutTest#checkout"')
assert html.contains('Where the time went, against the baseline')
assert html =~ /Most of the added time is in OrderPricing\.applyDiscounts \(\+[0-9]+ % of samples\)/
assert html.contains('aria-label="Differential flame graph of CheckoutTest#checkout"')
// the table of changes marks the method that grew in red, and the part that stayed the same lost share
assert html =~ /<tr><td title="shop\.OrderPricing\.applyDiscounts">OrderPricing\.applyDiscounts<\/td><td class="num">[^<]+<\/td><td class="num">[^<]+<\/td><td class="num grew">\+/
assert html =~ /<tr><td title="shop\.Cart\.subtotal">Cart\.subtotal<\/td><td class="num">[^<]+<\/td><td class="num">[^<]+<\/td><td class="num shrank">-/

// the test passed its own gate, so only the summary is kept, not the .jfr
def results = new File(basedir, 'target/perfgate/results')
assert results.listFiles().findAll { it.name.endsWith('.jfr') }.isEmpty()
def result = new JsonSlurper().parse(results.listFiles().find { it.name.endsWith('.json') })
assert result.measurement.profile.executionSamples > 10
assert result.measurement.profile.recordingFile == null
return true
