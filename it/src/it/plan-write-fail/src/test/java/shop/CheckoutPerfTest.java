package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class CheckoutPerfTest {

    @Test
    @PerfTest(warmupInvocations = 0, invocations = 200)
    @LatencyGate(p95 = "10s")
    void checksOut() {
        Math.sqrt(42);
    }
}
