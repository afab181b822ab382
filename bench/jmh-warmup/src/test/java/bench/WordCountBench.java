package bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Splits a text into words and counts them in a HashMap: strings, hashing, boxing and map growth. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WordCountBench {
    @Param({"2000"})
    public int words;

    private String text;

    @Setup(Level.Trial)
    public void text() {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int length = 2 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                builder.append((char) ('a' + random.nextInt(6)));
            }
            builder.append(i % 12 == 11 ? ". " : " ");
        }
        text = builder.toString();
    }

    @Benchmark
    public Map<String, Integer> count() {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : text.split("[ .]+")) {
            counts.merge(word.toLowerCase(), 1, Integer::sum);
        }
        return counts;
    }
}
