package bench;

import org.openjdk.jmh.annotations.Benchmark;

/** A plain benchmark; still there, unlike RemovedBench, whose entry an earlier build left in the list (src/test/resources stands in for it). */
public class ParseBench {

    @Benchmark
    public int parse() {
        return Integer.parseInt("12345");
    }
}
