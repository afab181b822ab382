package io.perfgate.core.importer;

import io.perfgate.core.baseline.BaselineComparator;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imported results are baselined and compared like perfgate's own load results, endpoints included. */
class ImportBaselineTest {
    @TempDir
    Path dir;

    private TestResult imported(String name, int baseMs, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder jtl = new StringBuilder(ImporterTest.HEADER).append('\n');
        for (int i = 0; i < 1200; i++) {
            jtl.append(ImporterTest.T0 + i * 10L).append(',').append(baseMs + random.nextInt(baseMs))
                    .append(",GET users,200,OK,t,text,true,,1,1,1,1,u,1,0,0\n");
        }
        Path run = dir.resolve(name + ".csv");
        Files.writeString(run, jtl);
        Importer.Outcome outcome = Importer.run(new ImportDefinition("import.yaml", "users", List.of(run.toString()),
                null, 1, List.of()), dir);
        // what check reads back: the source survives the result file
        Path file = ResultFiles.write(dir.resolve(name), outcome.result());
        TestResult read = ResultFiles.read(file);
        assertEquals("JMeter", read.imported().engine());
        return read;
    }

    @Test
    void aSlowerImportedRunRegressesAgainstTheImportedBaseline() throws IOException {
        BaselineStore store = new BaselineStore(dir.resolve(".perfgate"));
        Instant recorded = Instant.parse("2026-11-01T10:00:00Z");
        store.record(List.of(imported("base", 10, 1)), new SourceVersion("abc1234def", "main", false), null, recorded, false);

        BaselineComparison comparison = new BaselineComparator(store, BaselineComparator.Settings.defaults())
                .compare(List.of(imported("head", 20, 2)), new SourceVersion("fed4321cba", "feature", false), null,
                        recorded.plusSeconds(3600));

        BaselineComparison.Compared p50 = comparison.comparisons().stream()
                .filter(c -> c.comparison().metric() == RegressionMetric.P50).findFirst().orElseThrow();
        assertEquals(RegressionOutcome.REGRESSED, p50.comparison().outcome(), p50.comparison().message());
        assertTrue(comparison.comparisons().stream().anyMatch(c -> c.comparison().metric() == RegressionMetric.THROUGHPUT),
                "throughput is compared, as for every load result");
        assertTrue(comparison.hasBlocking());
        assertTrue(comparison.blockingMessages().stream().anyMatch(message -> message.contains("import.yaml#users")),
                comparison.blockingMessages().toString());
    }
}
