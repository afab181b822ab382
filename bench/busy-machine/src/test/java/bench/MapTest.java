package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

class MapTest {
    static long sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void fillAndReadAMap() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            map.put("key-" + i, i);
        }
        long sum = 0;
        for (int i = 0; i < 2_000; i += 3) {
            sum += map.get("key-" + i);
        }
        sink += sum;
    }
}
