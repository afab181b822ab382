package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

class SleepTest {

    @Test
    @LatencyGate(p50 = "20ms", p95 = "50ms")
    void sleepOneMillisecond() throws InterruptedException {
        Thread.sleep(1);
    }
}
