package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class PricingPerfTest {

    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(p50 = "1s")
    void quote() {
        Pricing.quote(100);
    }

    /** Added in head: the base has no such method, so it is new, neither passed nor failed. */
    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(p50 = "1s")
    void discounted() {
        Pricing.discounted(100);
    }
}
