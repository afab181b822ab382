package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

class JupiterSixTest {

    @Test
    @LatencyGate(p95 = "50ms")
    void runsOnJupiterSix() {
        String version = Test.class.getPackage().getImplementationVersion();
        assertTrue(version != null && version.startsWith("6."), "JUnit Jupiter " + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "bb"})
    @LatencyGate(p95 = "50ms")
    void parameterized(String text) {
        assertTrue(!text.isEmpty());
    }

    @Test
    @LatencyGate(p95 = "1ms", level = Level.WARNING)
    void warnedOnly() throws InterruptedException {
        Thread.sleep(5);
    }
}
