package bench;

import org.openjdk.jmh.annotations.Benchmark;

/** Throws on its first call: JMH reports it and carries on; perfgate must fail the build on it. */
public class BrokenBench {

    @Benchmark
    public int explode() {
        throw new IllegalStateException("corrupt price table");
    }
}
