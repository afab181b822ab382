package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

class SleepTest {

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void sleepOneMillisecond() throws InterruptedException {
        Thread.sleep(1);
    }
}
