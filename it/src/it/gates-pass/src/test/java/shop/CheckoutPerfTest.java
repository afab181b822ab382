package shop;

import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import io.perfgate.junit.ThroughputGate;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trivial bodies against bounds far above them: these gates pass on any machine. */
class CheckoutPerfTest {

    static long price(int lines) {
        long total = 0;
        for (int line = 1; line <= lines; line++) {
            total += line * 1_999L;
        }
        return total;
    }

    @Test
    @LatencyGate(p95 = "50ms", p99 = "100ms")
    void priceOrder() {
        assertEquals(1_999L, price(1));
    }

    @Test
    @PerfTest(warmupInvocations = 200, invocations = 2_000)
    @ThroughputGate(min = "100/s")
    @ErrorRateGate(max = "1%")
    void encodeOrder() {
        assertTrue(Long.toString(price(3)).length() > 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    @LatencyGate(p95 = "50ms")
    void priceOrderOfSize(int lines) {
        assertTrue(price(lines) > 0);
    }

    @Test
    @Disabled("reported as SKIPPED, never failed")
    @LatencyGate(p95 = "1ms")
    void disabledGate() throws InterruptedException {
        Thread.sleep(5);
    }

    /** Not gated: the user's own argLine (a pom property and surefire's setting) reached this fork. */
    @Test
    void forkKeepsTheUsersArgLine() {
        assertEquals("eu-west", System.getProperty("shop.region"));
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xmx256m"),
                ManagementFactory.getRuntimeMXBean().getInputArguments()::toString);
        assertEquals("record", System.getProperty("perfgate.mode"));
    }

    @Nested
    @LatencyGate(p95 = "50ms")
    class Refunds {
        @Test
        void refundOrder() {
            assertEquals(-1_999L, -price(1));
        }
    }
}
