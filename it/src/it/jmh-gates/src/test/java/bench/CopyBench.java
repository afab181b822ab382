package bench;

import io.perfgate.junit.MemoryGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Copies a 4 KB buffer per operation: about 4 KB allocated, four times its 1 KB bound. */
@State(Scope.Thread)
public class CopyBench {
    private final byte[] source = new byte[4096];

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @MemoryGate(allocationPerInvocation = "1KB")
    public byte[] copy() {
        return Arrays.copyOf(source, source.length);
    }
}
