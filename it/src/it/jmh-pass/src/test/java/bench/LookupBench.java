package bench;

import io.perfgate.junit.LatencyGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Bounds per parameter: the small lookup is bound to 2 ms by the class's gate, the large one (4 ms) only
 * passes because the method's gate for size=10000 bounds it to 40 ms instead.
 */
@State(Scope.Benchmark)
@LatencyGate(mean = "2ms")
public class LookupBench {
    @Param({"10", "10000"})
    public int size;

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @LatencyGate(mean = "40ms", params = "size=10000")
    public long lookup() throws InterruptedException {
        if (size == 10000) {
            Thread.sleep(4);
        }
        return size;
    }
}
