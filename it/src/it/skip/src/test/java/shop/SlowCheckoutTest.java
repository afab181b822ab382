package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

class SlowCheckoutTest {

    /** Would fail its gate; with perfgate.skip the body runs as a plain test and nothing is judged. */
    @Test
    @LatencyGate(p95 = "1ms")
    void sleepsFiveMillis() throws InterruptedException {
        Thread.sleep(5);
    }
}
