package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.MemoryGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the recorder's paths (latency, memory) from the shaded jar, with bounds far above the bodies. */
class RecorderJarTest {

    @Test
    @PerfTest(warmupInvocations = 50, invocations = 500)
    @LatencyGate(p95 = "100ms")
    @MemoryGate(allocationPerInvocation = "1MB")
    void buildsAList() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(i);
        }
        assertEquals(100, values.size());
    }
}
