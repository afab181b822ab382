package io.perfgate.core.jmh.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * For WarmupRetriesJmhTest: slow for the first {@code slowIterations} iterations of each fork (warmup included),
 * then fast, as a benchmark whose JIT compilation takes that long; with 0, steady from the start. Both speeds are
 * sleeps (3 ms, then 1 ms), so the JIT compiler cannot make the steady one warm up for real.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmingBench {
    @Param({"2", "0"})
    public int slowIterations;

    private int iteration;

    @Setup(Level.Iteration)
    public void nextIteration() {
        iteration++;
    }

    @Benchmark
    public long work() throws InterruptedException {
        Thread.sleep(iteration <= slowIterations ? 3 : 1);
        return iteration;
    }
}
