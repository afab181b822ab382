package bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Millions of operations per second on any machine; gated from the pom at 1,000/s. */
@State(Scope.Thread)
public class FastBench {
    private int a = 3;
    private int b = 4;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public int sum() {
        return a + b;
    }
}
