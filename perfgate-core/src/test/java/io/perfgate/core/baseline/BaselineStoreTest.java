package io.perfgate.core.baseline;

import io.perfgate.core.result.Environment;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineStoreTest {
    private static final Instant NOW = Instant.parse("2024-05-02T08:30:00Z");
    private static final SourceVersion VERSION = new SourceVersion("abc1234def5678", "main", false);

    @TempDir
    Path project;

    private BaselineStore store() {
        return new BaselineStore(project.resolve(".perfgate"));
    }

    @Test
    void aTestWithoutEnoughCleanRoundsIsNotRecordedAndTheWarningSaysWhy() {
        BaselineStore.RecordSummary summary = store().record(List.of(Results.withoutCleanRound("create")), VERSION,
                null, NOW, false);

        assertEquals(List.of(), summary.tests());
        assertEquals(List.of("OrderTest#create: not measured cleanly (the measuring thread waited for a CPU 66% of the"
                + " time in 20 rounds (beyond the 10% allowed; 0 of 10 planned rounds measured cleanly before measuring"
                + " stopped), machine load 3.1 per core); its previous baseline, if any, is kept; record the baseline"
                + " on a quieter machine"), summary.skipped());
        assertFalse(Files.exists(store().fileFor(Results.withoutCleanRound("create").id())));
    }

    @Test
    void aTestShortOfCleanRoundsKeepsItsEarlierBaseline() {
        TestResult create = Results.completed("create", 2e6);
        store().record(List.of(create), VERSION, null, NOW, false);
        io.perfgate.core.result.Contention busy = new io.perfgate.core.result.Contention(
                io.perfgate.core.result.Contention.SCHEDSTAT, 0.5, 0.05, 0.7, 0.10, 2, 20, 10, 0.6, 1_000_000L, null,
                2.0);
        TestResult shortOfRounds = Results.completed("create", 3e6, 2, 5, Results.ENVIRONMENT);
        shortOfRounds = shortOfRounds.withMeasurement(shortOfRounds.measurement().withContention(busy, null), null);

        BaselineStore.RecordSummary summary = store().record(List.of(shortOfRounds), VERSION, null,
                NOW.plusSeconds(60), false);

        assertEquals(List.of(), summary.files());
        assertTrue(summary.skipped().get(0).contains("2 of 10 planned rounds measured cleanly"), summary.skipped().get(0));
        assertEquals(10, store().read(create.id()).orElseThrow().metrics().get("p95").values().size(),
                "the earlier baseline of 10 replicates is kept");
        TestResult accepted = shortOfRounds;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store().accept(
                accepted, "p95", "slower on purpose", VERSION, null, NOW.plusSeconds(60)));
        assertTrue(refused.getMessage().startsWith("OrderTest#create:p95 cannot be accepted: it was not measured"
                + " cleanly (the measuring thread waited for a CPU 60% of the time in 20 rounds"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; accept it from a build on a quieter machine"), refused.getMessage());
    }

    @Test
    void aBenchmarkWhoseIterationsWaitedBeyondTheShareIsNotRecorded() {
        TestResult create = Results.completed("create", 2e6);
        TestResult busy = create.withMeasurement(create.measurement().withContention(
                io.perfgate.core.result.Contention.ofIterations(List.of(List.of(0.3, 0.5)), 0.10, null), null), null);

        BaselineStore.RecordSummary summary = store().record(List.of(busy), VERSION, null, NOW, false);

        assertEquals(List.of("OrderTest#create: not measured cleanly (the measuring thread waited for a CPU 40% of the"
                + " time (beyond the 10% allowed)); its previous baseline, if any, is kept; record the baseline on a"
                + " quieter machine"), summary.skipped());
    }

    @Test
    void recordsOneFilePerTestWithReplicatesAndFingerprint() {
        TestResult create = Results.completed("create", 2e6);
        TestResult skipped = Results.completed("cancel", 2e6).skipped("@Disabled");
        BaselineStore.RecordSummary summary = store().record(List.of(create, skipped), VERSION, null, NOW, false);

        assertEquals(List.of("OrderTest#create"), summary.tests());
        assertEquals(List.of("OrderTest#cancel: skipped; its previous baseline, if any, is kept"), summary.skipped());
        assertEquals(List.of(store().fileFor(create.id())), summary.files());
        TestBaseline baseline = store().read(create.id()).orElseThrow();
        assertEquals("1.0", baseline.schemaVersion());
        assertEquals("OrderTest#create", baseline.label());
        assertEquals(10, baseline.metrics().get("p95").values().size());
        assertEquals(List.of("mean", "p50", "p90", "p95", "p99", "throughput"), List.copyOf(baseline.metrics().keySet()));
        assertEquals("abc1234def5678", baseline.fingerprint().commit());
        assertEquals("main", baseline.fingerprint().branch());
        assertEquals("17.0.9", baseline.fingerprint().javaVersion());
        assertEquals(List.of("-Xmx1g"), baseline.fingerprint().jvmFlags());
        assertEquals("standard", baseline.fingerprint().profile());
        assertEquals(NOW, baseline.fingerprint().recordedAt());
        assertEquals(create.measurement().latencyHistogram(), baseline.result().measurement().latencyHistogram());
        assertTrue(store().read("[engine:junit-jupiter]/[class:com.example.OrderTest]/[method:other()]").isEmpty());
    }

    @Test
    void aCorruptBaselineStopsRecordingAndStaysUntouched() throws IOException {
        TestResult create = Results.completed("create", 2e6);
        TestResult update = Results.completed("update", 2e6);
        Path corrupt = store().fileFor(create.id());
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "{\"schemaVersion\": \"1.0\", \"id\": ", StandardCharsets.UTF_8);

        BaselineFileException error = assertThrows(BaselineFileException.class,
                () -> store().record(List.of(update, create), VERSION, null, NOW, false));
        assertTrue(error.getMessage().startsWith(corrupt + ": the baseline is corrupt ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("Nothing was recorded; to replace it anyway:"
                + " -Dperfgate.baseline.force=true"), error.getMessage());
        assertEquals("{\"schemaVersion\": \"1.0\", \"id\": ", Files.readString(corrupt));
        assertFalse(Files.exists(store().fileFor(update.id())), "no baseline is written when one cannot be replaced");

        store().record(List.of(update, create), VERSION, null, NOW, true);
        assertEquals("OrderTest#create", BaselineStore.readFile(corrupt).label());
    }

    @Test
    void aNewerSchemaIsRefusedByNameAndNeverOverwritten() throws IOException {
        TestResult create = Results.completed("create", 2e6);
        Path file = store().fileFor(create.id());
        Files.createDirectories(file.getParent());
        String future = "{\"schemaVersion\": \"2.0\", \"id\": \"x\", \"somethingNew\": true}";
        Files.writeString(file, future);

        BaselineFileException read = assertThrows(BaselineFileException.class, () -> store().read(create.id()));
        assertEquals(file + ": the baseline has schema version 2.0, newer than this perfgate reads (1.0); upgrade the"
                + " perfgate plugin. The file is left untouched", read.getMessage());
        assertThrows(BaselineFileException.class, () -> store().record(List.of(create), VERSION, null, NOW, false));
        assertEquals(future, Files.readString(file));
    }

    @Test
    void readAllKeepsTheGoodBaselinesAndNamesTheBadOnes() throws IOException {
        TestResult create = Results.completed("create", 2e6);
        store().record(List.of(create), VERSION, null, NOW, false);
        Path stray = store().baselineDirectory().resolve("0000.json");
        Files.writeString(stray, "[1, 2, 3]");

        BaselineStore.Baselines all = store().readAll();
        assertTrue(all.present());
        assertEquals(List.of(create.id()), List.copyOf(all.byTestId().keySet()));
        assertEquals(1, all.problems().size());
        assertEquals(stray, all.problems().get(0).file());
        assertTrue(all.problems().get(0).getMessage().contains("not a perfgate baseline"));
        assertFalse(new BaselineStore(project.resolve("missing")).readAll().present());
    }

    @Test
    void acceptingAChangeRebaselinesOneMetricAndRecordsWhy() {
        TestResult before = Results.completed("create", 2e6);
        store().record(List.of(before), VERSION, null, NOW, false);
        TestResult slower = Results.completed("create", 2.6e6, 10, 99, Results.ENVIRONMENT);
        SourceVersion next = new SourceVersion("fff0000aaa", "feature/audit", false);

        TestBaseline accepted = store().accept(slower, "p95", "audit logging is required by compliance", next,
                null, NOW.plusSeconds(3600));

        TestBaseline stored = store().read(before.id()).orElseThrow();
        assertEquals(accepted, stored);
        assertEquals("fff0000aaa", stored.metrics().get("p95").commit());
        assertEquals("abc1234def5678", stored.metrics().get("p50").commit(), "other metrics keep their baseline");
        assertEquals(1, stored.acceptances().size());
        Acceptance acceptance = stored.acceptances().get(0);
        assertEquals("p95", acceptance.metric());
        assertEquals("audit logging is required by compliance", acceptance.reason());
        assertEquals("fff0000aaa", acceptance.commit());
        assertTrue(acceptance.acceptedValue() / acceptance.previousValue() > 1.2, acceptance.toString());

        // a full re-recording keeps the record of what was accepted
        store().record(List.of(slower), next, null, NOW.plusSeconds(7200), false);
        assertEquals(1, store().read(before.id()).orElseThrow().acceptances().size());
    }

    @Test
    void acceptingNeedsABaselineAReasonAndAFairRun() {
        TestResult create = Results.completed("create", 2e6);
        BaselineFileException none = assertThrows(BaselineFileException.class,
                () -> store().accept(create, "p95", "why", VERSION, null, NOW));
        assertTrue(none.getMessage().endsWith("OrderTest#create has no baseline to accept a change into; record one"
                + " first (mvn verify perfgate:baseline)"), none.getMessage());

        store().record(List.of(create), VERSION, null, NOW, false);
        assertThrows(IllegalArgumentException.class, () -> store().accept(create, "p95", " ", VERSION, null, NOW));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> store().accept(create, "p42", "why", VERSION, null, NOW));
        assertTrue(unknown.getMessage().contains("has no metric 'p42' to accept"), unknown.getMessage());

        Environment withCoverage = new Environment("17.0.9", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux",
                "amd64", 2, "Test CPU", 1L << 30, List.of("-Xmx1g", "-javaagent:/m2/org/jacoco/jacocoagent.jar=dest=x"),
                false);
        TestResult covered = Results.completed("create", 2e6, 10, 5, withCoverage);
        BaselineFileException unfair = assertThrows(BaselineFileException.class,
                () -> store().accept(covered, "p95", "why", VERSION, null, NOW));
        assertTrue(unfair.getMessage().contains("does not compare fairly with its baseline (this run had: coverage agent"),
                unfair.getMessage());
    }
}
