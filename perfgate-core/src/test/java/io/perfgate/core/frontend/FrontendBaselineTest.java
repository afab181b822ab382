package io.perfgate.core.frontend;

import io.perfgate.core.baseline.BaselineComparator;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's Lighthouse runs are its replicates in the baseline comparison, like a test's rounds. */
class FrontendBaselineTest {
    private static final Instant RECORDED = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path project;

    @Test
    void aSlowerLcpRegressesWhileFcpAndClsAreLeftAlone() {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(page(1000, 0.0)), new SourceVersion("abc1234def", "main", false), null, RECORDED, false);

        BaselineComparison comparison = new BaselineComparator(store, BaselineComparator.Settings.defaults())
                .compare(List.of(page(1500, 0.3)), new SourceVersion("fed4321cba", "feature", false), null,
                        RECORDED.plusSeconds(3600));

        assertEquals(List.of(RegressionMetric.FCP, RegressionMetric.LCP),
                comparison.comparisons().stream().map(c -> c.comparison().metric()).toList(),
                "CLS (often 0) is gated by its bound, not compared relatively");
        MetricComparison lcp = comparison.comparisons().get(1).comparison();
        assertEquals(RegressionOutcome.REGRESSED, lcp.outcome(), lcp.message());
        assertTrue(lcp.message().startsWith("LCP +"), lcp.message());
        assertEquals(RegressionOutcome.UNCHANGED, comparison.comparisons().get(0).comparison().outcome());
        assertTrue(comparison.hasBlocking());
    }

    @Test
    void anIntendedLcpChangeIsAcceptedFromThePagesRuns() {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        TestResult before = page(1000, 0.0);
        store.record(List.of(before), new SourceVersion("abc1234def", "main", false), null, RECORDED, false);

        store.accept(page(1500, 0.0), "LCP", "hero image is larger by design", new SourceVersion("fed4321cba",
                "feature", false), null, RECORDED.plusSeconds(3600));

        List<Double> lcp = store.read(before.id()).orElseThrow().metrics().get("LCP").values();
        assertEquals(8, lcp.size(), "one value per Lighthouse run");
        assertEquals(1500e6, lcp.stream().mapToDouble(Double::doubleValue).sum() / lcp.size(), 1e6);
    }

    /** Eight runs: FCP about 400 ms; LCP about the given milliseconds; the given CLS. */
    private static TestResult page(double lcpMillis, double cls) {
        List<FrontendDetails.Run> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double jitter = 1 + (i - 3.5) / 100;
            runs.add(new FrontendDetails.Run(Map.of("fcp", 400e6 * jitter, "lcp", lcpMillis * 1e6 * jitter,
                    "cls", cls), null, null, null));
        }
        PageDefinition page = new PageDefinition("lighthouse.yaml", "home", URI.create("http://127.0.0.1:8080/"),
                List.of(), 8, FormFactor.DESKTOP, Throttling.SIMULATE, 0.25, List.of());
        return FrontendResults.completed(page,
                new FrontendDetails("http://127.0.0.1:8080/", "desktop", "simulate", "12.2.3", runs, null, 0.25, null),
                1);
    }
}
