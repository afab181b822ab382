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
 * Gated per parameter set: a lookup that takes 1 ms stays under the 3 ms mean, one that takes 6 ms does not.
 */
@State(Scope.Benchmark)
@LatencyGate(mean = "3ms")
public class LookupBench {
    @Param({"1", "6"})
    public int millis;

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void lookup() throws InterruptedException {
        Thread.sleep(millis);
    }
}
