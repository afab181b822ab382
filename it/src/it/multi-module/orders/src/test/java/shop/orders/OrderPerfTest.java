package shop.orders;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderPerfTest {
    @Test
    @PerfTest(warmupInvocations = 100, invocations = 1_000)
    @LatencyGate(p95 = "200ms")
    void priceOrder() {
        assertTrue(Long.toString(System.nanoTime() % 1_999L).length() > 0);
    }
}
