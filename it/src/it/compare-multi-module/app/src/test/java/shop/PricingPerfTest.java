package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

/** Measures core's code from another module: a slowdown in core shows only if the base's core is core's base. */
class PricingPerfTest {

    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(p50 = "1s")
    void quote() {
        Pricing.quote(100);
    }
}
