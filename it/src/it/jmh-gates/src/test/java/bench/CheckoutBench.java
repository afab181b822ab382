package bench;

import io.perfgate.junit.ThroughputGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/** Sleeps 2 ms per operation, so at most 500 operations per second: below its bound on any machine. */
public class CheckoutBench {

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @ThroughputGate(min = "10000/s")
    public void slowCheckout() throws InterruptedException {
        Thread.sleep(2);
    }
}
