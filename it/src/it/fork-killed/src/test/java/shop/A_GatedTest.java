package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class A_GatedTest {

    @Test
    @PerfTest(warmupInvocations = 0, invocations = 200)
    @LatencyGate(p95 = "10s")
    void quick() {
        Math.sqrt(42);
    }
}
