package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class AllocationTest {
    record Point(int x, int y) {
    }

    static int sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void allocateSmallObjects() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            points.add(new Point(i, -i));
        }
        sink += points.get(points.size() / 2).x();
    }
}
