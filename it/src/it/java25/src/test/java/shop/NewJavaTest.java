package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NewJavaTest {

    @Test
    @LatencyGate(p95 = "50ms")
    void runsOnJava25() {
        assertEquals(25, Runtime.version().feature());
    }

    @Test
    @LatencyGate(p95 = "1ms")
    void sleepsFiveMillis() throws InterruptedException {
        Thread.sleep(5);
    }
}
