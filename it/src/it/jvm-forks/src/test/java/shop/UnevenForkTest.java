package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.concurrent.locks.LockSupport;

/** Twice as slow in the second JVM measuring it, as a JVM that drew a slow speed: the JVMs disagree. */
class UnevenForkTest {

    @Test
    @LatencyGate(p50 = "50ms")
    void slowInTheSecondJvm() {
        boolean second = "1".equals(System.getProperty("perfgate.fork"));
        LockSupport.parkNanos(second ? 600_000 : 300_000);
    }
}
