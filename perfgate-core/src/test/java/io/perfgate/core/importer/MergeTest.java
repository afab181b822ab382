package io.perfgate.core.importer;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.load.EndpointResult;
import io.perfgate.core.load.GeneratorHealth;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interval logs of several generators merge as histograms: percentiles of the union, never averaged percentiles. */
class MergeTest {
    @TempDir
    Path dir;

    /** A generator's run of 2,000 requests, latency log-uniform over [lowMs, highMs], in 10 slices of 1 s. */
    private static LoadRun run(String name, double lowMs, double highMs, long seed, LatencyHistogram all) {
        Random random = new Random(seed);
        LatencyHistogram whole = new LatencyHistogram();
        List<Round> rounds = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int slice = 0; slice < 10; slice++) {
            LatencyHistogram part = new LatencyHistogram();
            for (int i = 0; i < 200; i++) {
                long nanos = Math.round(lowMs * Math.pow(highMs / lowMs, random.nextDouble()) * 1e6);
                part.record(nanos);
                whole.record(nanos);
                all.record(nanos);
            }
            rounds.add(new Round(200, 0, 1_000_000_000L, part.encode(), null));
            starts.add(slice * 1_000_000_000L);
        }
        EndpointResult overall = new EndpointResult("overall", 2000, 0, Map.of(), null, whole, whole, rounds, starts);
        EndpointResult endpoint = new EndpointResult("GET /api/v1/users", 2000, 0, Map.of(), null, whole, whole, rounds,
                starts);
        return new LoadRun(name, "open 200/s for 10s", System.nanoTime(), 10_000_000_000L, 200, overall,
                Map.of(endpoint.name(), endpoint), null, List.of(), new GeneratorHealth(2000, 0, 0, 0.1, 0), false);
    }

    @Test
    void threeGeneratorLogsMergeToThePercentilesOfAllTheirSamples() {
        LatencyHistogram all = new LatencyHistogram();
        List<LoadRun> runs = List.of(run("a", 1, 10, 1, all), run("b", 2, 40, 2, all), run("c", 20, 400, 3, all));
        List<FileRecording> recordings = new ArrayList<>();
        double sumOfP99 = 0;
        for (int i = 0; i < runs.size(); i++) {
            Path log = dir.resolve("gen-" + i + ".hlog");
            IntervalLogWriter.write(runs.get(i), log);
            assertEquals(ImportFormat.HDR_LOG, ImportFormat.detect(log));
            FileRecording recording = Importer.read(log, null, 1);
            assertEquals(2000, recording.overall().requests());
            assertEquals(List.of("GET /api/v1/users"), List.copyOf(recording.labels().keySet()), "tags keep spaces");
            sumOfP99 += recording.overall().latency().valueAtQuantile(0.99);
            recordings.add(recording);
        }
        ImportMerge merge = ImportMerge.of(recordings);
        Measurement overall = merge.overall();
        LatencyHistogram merged = LatencyHistogram.decode(overall.latencyHistogram());
        assertEquals(6000, merged.count());
        assertEquals(all.valueAtQuantile(0.99), merged.valueAtQuantile(0.99));
        assertEquals(all.valueAtQuantile(0.50), merged.valueAtQuantile(0.50));
        double averaged = sumOfP99 / 3;
        assertNotEquals(all.valueAtQuantile(0.99), averaged, 0.1 * averaged);
        assertTrue(averaged < merged.valueAtQuantile(0.99) * 0.8,
                "the average of the p99s (" + averaged + ") understates the p99 of all samples (" + merged.valueAtQuantile(0.99) + ")");
        assertEquals(30, overall.rounds().size());
        // the three runs overlap in time: 600 requests/s over their shared window (within a rounding of the slices)
        assertEquals(600, overall.successes() * 1e9 / overall.durationNanos(), 30);
    }

    @Test
    void anEndpointsIntervalsKeepTheirSlicesTimesAcrossAnEmptySlice() throws Exception {
        LatencyHistogram part = new LatencyHistogram();
        part.record(5_000_000);
        Round round = new Round(1, 0, 1_000_000_000L, part.encode(), null);
        // slices 0, 1 and 3 had requests, slice 2 none: the last interval starts 3 s in, not 2 s
        EndpointResult rare = new EndpointResult("GET /rare", 3, 0, Map.of(), null, part, part,
                List.of(round, round, round), List.of(0L, 1_000_000_000L, 3_000_000_000L));
        LoadRun run = new LoadRun("rare", "open 1/s for 4s", System.nanoTime(), 4_000_000_000L, 1, rare,
                Map.of(rare.name(), rare), null, List.of(), new GeneratorHealth(3, 0, 0, 0.1, 0), false);
        Path log = dir.resolve("rare.hlog");
        IntervalLogWriter.write(run, log);
        List<Long> offsets = new ArrayList<>();
        org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(log.toFile());
        for (org.HdrHistogram.EncodableHistogram h = reader.nextIntervalHistogram(); h != null;
             h = reader.nextIntervalHistogram()) {
            if (h.getTag() == null) {
                offsets.add(h.getStartTimeStamp());
            }
        }
        long base = offsets.get(0);
        assertEquals(List.of(0L, 1000L, 3000L), offsets.stream().map(t -> t - base).toList());
    }

    @Test
    void aTruncatedLogNamesItsLine() throws Exception {
        LatencyHistogram all = new LatencyHistogram();
        Path log = dir.resolve("gen.hlog");
        IntervalLogWriter.write(run("a", 1, 10, 1, all), log);
        String text = Files.readString(log);
        Files.writeString(log, text.substring(0, text.length() - 30));
        long lines = text.substring(0, text.length() - 30).lines().count();
        ImportException error = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> Importer.read(log, null, 1));
        assertTrue(error.getMessage().startsWith(log + ":" + lines + ": "), error.getMessage());
    }
}
