package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowCheckoutTest {

    /** Every invocation sleeps 5 ms, five times the bound: fails on any machine. */
    @Test
    @LatencyGate(p95 = "1ms")
    void sleepsFiveMillis() throws InterruptedException {
        Thread.sleep(5);
    }

    /** Passes; its display name must come out escaped in the HTML report. */
    @Test
    @DisplayName("<script>alert('perfgate')</script> checkout")
    @LatencyGate(p95 = "50ms")
    void scriptInDisplayName() {
        assertTrue(System.nanoTime() != 0);
    }
}
