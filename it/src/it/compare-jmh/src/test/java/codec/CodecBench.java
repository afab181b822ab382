package codec;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.ThroughputGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The gates are generous on purpose: only the comparison with the base catches encode's slowdown. */
@State(Scope.Thread)
public class CodecBench {
    private final byte[] data = new byte[4096];
    private long seed = 42;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @ThroughputGate(min = "1000/s")
    public long encode() {
        return Codec.encode(seed++);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @LatencyGate(mean = "10ms")
    public long checksum() {
        return Codec.checksum(data);
    }

    /** New in head: the base has no such benchmark. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @ThroughputGate(min = "1000/s")
    public long decode() {
        return Codec.encode(-seed++);
    }
}
