package bench;

import io.perfgate.junit.LatencyGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/** SampleTime keeps the distribution, so a percentile can be gated: a 1 ms sleep is far below 100 ms. */
public class SampledBench {

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @LatencyGate(p90 = "100ms")
    public void sampledLookup() throws InterruptedException {
        Thread.sleep(1);
    }
}
