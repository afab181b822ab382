package bench;

import io.perfgate.junit.MemoryGate;
import io.perfgate.junit.ThroughputGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Cheap arithmetic without allocation: far above 1,000 operations per second and below 64 bytes each. */
@State(Scope.Thread)
public class EncodeBench {
    @Param({"8", "64"})
    public int width;

    private long value = 12345;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @ThroughputGate(min = "1000/s")
    @MemoryGate(allocationPerInvocation = "64B")
    public long encode() {
        long result = 0;
        for (int i = 0; i < width; i++) {
            result = result * 31 + (value >>> i);
        }
        return result;
    }
}
