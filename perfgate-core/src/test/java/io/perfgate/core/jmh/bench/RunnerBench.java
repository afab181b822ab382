package io.perfgate.core.jmh.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Real benchmarks for JmhRunnerTest: one that runs, one that throws for one parameter value. */
@State(Scope.Benchmark)
public class RunnerBench {
    @Param({"1", "2"})
    public int factor;

    private long value = 7;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long multiply() {
        value = value * 31 + factor;
        return value;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public long failing() {
        if (factor == 2) {
            throw new IllegalStateException("broken on purpose for factor " + factor);
        }
        return value + factor;
    }
}
