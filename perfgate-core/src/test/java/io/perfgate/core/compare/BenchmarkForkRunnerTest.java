package io.perfgate.core.compare;

import io.perfgate.core.jmh.JmhSettings;
import io.perfgate.core.result.BenchmarkDetails;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkForkRunnerTest {

    private static BenchmarkDetails recorded(String mode, int threads, int warmups, String warmupTime, int iterations,
                                             String measurementTime) {
        return new BenchmarkDetails("bench.CodecBench.encode", mode, Map.of(), threads, 5, warmups, warmupTime,
                iterations, measurementTime, 1.0, null, "ops/s", null, null, "1.37", null, null, null, null);
    }

    @Test
    void eachSideMeasuresInOneJmhForkWithTheWarmupAndMeasurementPerfgateJmhRecorded() {
        JmhSettings settings = BenchmarkForkRunner.settingsOf(recorded("thrpt", 4, 3, "1 s", 5, "200 ms"));
        assertEquals(List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "200ms", "-t", "4"),
                settings.arguments());
    }

    @Test
    void aSingleShotBenchmarkKeepsItsIterationsThoughItsTimesAreNoDurations() {
        JmhSettings settings = BenchmarkForkRunner.settingsOf(recorded("ss", 1, 2, "single-shot", 10, "single-shot"));
        assertEquals(1, settings.forks());
        assertEquals(2, settings.warmupIterations());
        assertEquals(10, settings.measurementIterations());
    }
}
