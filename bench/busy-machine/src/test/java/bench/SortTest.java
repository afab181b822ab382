package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

class SortTest {
    private static final int[] VALUES = new SplittableRandom(1).ints(5_000).toArray();
    static int sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void sortFiveThousandInts() {
        int[] copy = VALUES.clone();
        Arrays.sort(copy);
        sink += copy[copy.length / 2];
    }
}
