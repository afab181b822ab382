package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

class StreamTest {
    static long sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void filterMapAndSum() {
        sink += IntStream.range(0, 20_000).filter(i -> i % 3 != 0).mapToLong(i -> (long) i * i % 1_000)
                .boxed().mapToLong(Long::longValue).sum();
    }
}
