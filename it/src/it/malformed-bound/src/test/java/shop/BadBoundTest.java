package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

class BadBoundTest {

    @Test
    @LatencyGate(p95 = "200 parsecs")
    void parsecs() {
    }
}
