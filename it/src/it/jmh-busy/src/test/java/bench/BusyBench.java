package bench;

import io.perfgate.junit.LatencyGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A steady hash loop measured while four spinning threads a core (started by the benchmark itself, each stopping
 * after a minute at most) keep its thread waiting for a CPU most of the time. Its bound of 1 ns cannot be met, so
 * the gate would FAIL; the wait makes that a verdict about the machine, not the code.
 */
@State(Scope.Benchmark)
public class BusyBench {
    static volatile long sink;
    private final List<Thread> hogs = new ArrayList<>();
    private volatile boolean stop;
    private final byte[] data = new byte[1024];

    @Setup(Level.Trial)
    public void busyMachine() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread hog = new Thread(() -> {
                long spins = 0;
                while (!stop && System.nanoTime() < deadline) {
                    spins++;
                }
                sink = spins;
            }, "hog-" + i);
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
    }

    @TearDown(Level.Trial)
    public void quietMachine() throws InterruptedException {
        stop = true;
        for (Thread hog : hogs) {
            hog.join();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @LatencyGate(mean = "1ns")
    public long fnv() {
        long hash = 0xcbf29ce484222325L;
        for (byte b : data) {
            hash = (hash ^ b) * 0x100000001b3L;
        }
        return hash;
    }
}
