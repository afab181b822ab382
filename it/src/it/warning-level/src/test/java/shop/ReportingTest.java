package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.Level;
import org.junit.jupiter.api.Test;

/** Every body sleeps 5 ms; none of the violations may fail the build. */
class ReportingTest {

    @Test
    @LatencyGate(p95 = "1ms", level = Level.WARNING)
    void warnedOnly() throws InterruptedException {
        Thread.sleep(5);
    }

    @Test
    @LatencyGate(p95 = "1ms..500ms")
    void beyondTargetWithinThreshold() throws InterruptedException {
        Thread.sleep(5);
    }

    @Test
    @LatencyGate(p95 = "1ms", level = Level.ADVISORY)
    void advisoryOnly() throws InterruptedException {
        Thread.sleep(5);
    }
}
