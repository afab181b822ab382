package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

class UnwritableResultTest {

    /**
     * Runs after the test plan was recorded and before any result is written: a plain file where the results
     * directory should be makes every result write fail, as a full disk would (and, unlike permissions, as root too).
     */
    @BeforeAll
    static void fillTheDisk() throws Exception {
        Path results = Path.of(System.getProperty("perfgate.resultsDirectory"));
        if (Files.exists(results)) {
            try (Stream<Path> files = Files.walk(results)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.writeString(results, "No space left on device (simulated)");
    }

    @Test
    @PerfTest(warmupInvocations = 0, invocations = 200)
    @LatencyGate(p50 = "1ns")
    void violatesItsGate() {
        Math.sqrt(42);
    }
}
