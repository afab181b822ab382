package bench;

import org.openjdk.jmh.annotations.Benchmark;

/** Compiled without JMH's annotation processor, so JMH cannot run it. */
public class ForgottenBench {

    @Benchmark
    public int run() {
        return 42;
    }
}
