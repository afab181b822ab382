package io.perfgate.core.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryStoreTest {
    @TempDir
    Path directory;

    private static HistoryRun run(Instant at, String commit, double p95) {
        Fingerprint fingerprint = Fingerprint.of(Results.ENVIRONMENT, new SourceVersion(commit, "main", false),
                "standard", at);
        return new HistoryRun(HistoryRun.SCHEMA_VERSION, fingerprint,
                List.of(new HistoryRun.Test("id-1", "OrderTest#create", Map.of("p95", List.of(p95, p95 * 1.01)))));
    }

    @Test
    void twoRunsAtTheSameMomentNeverShareAFile() {
        HistoryStore history = new HistoryStore(directory);
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        Path first = history.write(run(at, "abc1234ffff", 1e6));
        Path second = history.write(run(at, "abc1234ffff", 2e6));
        assertNotEquals(first, second);
        assertTrue(first.getFileName().toString().matches("20240501T100000Z-abc1234-[0-9a-f]{6}\\.json"),
                first.getFileName().toString());
        assertEquals(2, history.readAll().runs().size());
    }

    @Test
    void readsRunsOldestFirstAndSkipsUnreadableOnes() throws IOException {
        HistoryStore history = new HistoryStore(directory);
        history.write(run(Instant.parse("2024-05-03T10:00:00Z"), "c3", 3e6));
        history.write(run(Instant.parse("2024-05-01T10:00:00Z"), "c1", 1e6));
        Files.writeString(directory.resolve("20240502T100000Z-broken-000000.json"), "{not json");

        HistoryStore.Runs runs = history.readAll();
        assertEquals(List.of("c1", "c3"), runs.runs().stream().map(r -> r.fingerprint().commit()).toList());
        assertArrayEquals(new double[] {1e6, 1.01e6}, runs.runs().get(0).test("id-1").orElseThrow().values("p95"));
        assertEquals(1, runs.problems().size());
        assertTrue(runs.problems().get(0).contains("20240502T100000Z-broken-000000.json: unreadable history run"),
                runs.problems().get(0));
    }

    @Test
    void pruningKeepsThirtyDaysAndAtMostTheNewestRuns() throws IOException {
        HistoryStore history = new HistoryStore(directory);
        Instant now = Instant.parse("2024-06-30T00:00:00Z");
        for (int day = 0; day < 40; day++) {
            history.write(run(now.minus(Duration.ofDays(day)).minusSeconds(60), "c" + day, 1e6));
        }
        Files.writeString(directory.resolve("notes.txt"), "kept: not a history run");

        List<Path> deleted = history.prune(Duration.ofDays(30), 100, now);
        assertEquals(10, deleted.size(), "runs from day 30 to 39 are older than 30 days");
        assertEquals(30, history.readAll().runs().size());

        history.prune(Duration.ofDays(30), 20, now);
        List<HistoryRun> kept = history.readAll().runs();
        assertEquals(20, kept.size());
        assertEquals("c19", kept.get(0).fingerprint().commit(), "the oldest go first");
        assertTrue(Files.exists(directory.resolve("notes.txt")));
    }
}
