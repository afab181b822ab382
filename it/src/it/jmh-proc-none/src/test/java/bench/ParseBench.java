package bench;

import org.openjdk.jmh.annotations.Benchmark;

/** A plain benchmark; the parent's -proc:none keeps JMH's processor from generating its harness. */
public class ParseBench {

    @Benchmark
    public int parse() {
        return Integer.parseInt("12345");
    }
}
