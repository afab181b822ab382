package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class PricingPerfTest {

    /** The absolute bound is generous on purpose: only the comparison with the base catches the slowdown. */
    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(p50 = "1s")
    void quote() {
        Pricing.quote(100);
    }

    /** A CPU bound names CPU time, which compare then compares too: it doubles in head. */
    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(cpuMean = "1s")
    void tax() {
        Pricing.tax();
    }
}
