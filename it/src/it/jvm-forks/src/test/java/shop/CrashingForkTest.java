package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

/** Stands in for a JVM that dies (a native crash, an OutOfMemoryError): it halts in the second JVM measuring it. */
class CrashingForkTest {

    @Test
    @LatencyGate(p50 = "50ms")
    void diesInAFork() {
        if ("1".equals(System.getProperty("perfgate.fork"))) {
            System.out.println("simulated crash of the second JVM");
            Runtime.getRuntime().halt(134);
        }
        Math.sqrt(42);
    }
}
