package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class PricingPerfTest {

    @Test
    @PerfTest(warmupInvocations = 0, invocations = 200)
    @LatencyGate(p50 = "1ns")
    void violatesOnPurpose() {
        Math.sqrt(42);
    }
}
