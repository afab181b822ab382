package shop.payments;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentPerfTest {
    @Test
    @PerfTest(warmupInvocations = 100, invocations = 1_000)
    @LatencyGate(p95 = "200ms")
    void authorize() {
        assertTrue(Integer.toHexString((int) System.nanoTime()).length() > 0);
    }

    @Test
    @PerfTest(warmupInvocations = 100, invocations = 1_000)
    @LatencyGate(p50 = "100ms")
    void capture() {
        assertTrue(String.valueOf(System.identityHashCode(this)).length() > 0);
    }
}
