package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@LatencyGate(p95 = "50ms")
class CartPerfTest {

    @Test
    void cartSmall() {
        assertTrue(Long.toString(System.nanoTime()).length() > 0);
    }

    @Test
    void cartLarge() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(i);
        }
        assertTrue(text.length() > 0);
    }
}
