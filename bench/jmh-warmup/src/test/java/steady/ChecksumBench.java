package steady;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Steady benchmarks, for costs smaller than bench.*'s run-to-run spread (bench/jmh-profiling-overhead.sh): an FNV-1a
 * hash of 16 KB in plain Java, and a JDK checksum of the same bytes. Outside the bench package, so
 * bench/jmh-smoke-warmup.sh does not run them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChecksumBench {
    private final byte[] data = new byte[16 * 1024];

    @Setup
    public void fill() {
        new SplittableRandom(42).nextBytes(data);
    }

    @Benchmark
    public long fnv() {
        long hash = 0xcbf29ce484222325L;
        for (byte b : data) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    @Benchmark
    public long adler() {
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(data);
        return adler.getValue();
    }
}
