package io.perfgate.core.frontend;

import io.perfgate.core.baseline.BaselineComparator;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.report.HtmlReportWriter;
import io.perfgate.core.report.JsonSummaryWriter;
import io.perfgate.core.report.MarkdownSummaryWriter;
import io.perfgate.core.result.Json;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.TestResult;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's Lighthouse runs are its replicates in the baseline comparison, like a test's rounds. */
class FrontendBaselineTest {
    private static final Instant RECORDED = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path project;

    @Test
    void aSlowerLcpRegressesAndClsAndTbtAreComparedByTheirAbsoluteChange() {
        BaselineComparison comparison = compare(page(1000, 0.0, 20), page(1500, 0.3, 280));

        assertEquals(List.of(RegressionMetric.FCP, RegressionMetric.LCP, RegressionMetric.CLS, RegressionMetric.TBT),
                comparison.comparisons().stream().map(c -> c.comparison().metric()).toList(),
                "CLS of 0 in the baseline is compared, not dropped for want of a logarithm");
        MetricComparison lcp = comparison.comparisons().get(1).comparison();
        assertEquals(RegressionOutcome.REGRESSED, lcp.outcome(), lcp.message());
        assertTrue(lcp.message().startsWith("LCP +50% ["), lcp.message());
        assertEquals(RegressionOutcome.UNCHANGED, comparison.comparisons().get(0).comparison().outcome());
        MetricComparison cls = comparison.comparisons().get(2).comparison();
        assertEquals(RegressionOutcome.REGRESSED, cls.outcome(), cls.message());
        assertTrue(cls.message().startsWith("CLS +0.3 [+0.3, +0.3] vs baseline (commit abc1234"), cls.message());
        assertTrue(cls.message().contains(" exceeds the allowed +0.05 (lighthouse.yaml#home, 8 vs 8 replicates"),
                cls.message());
        assertTrue(cls.message().contains("-Dperfgate.accept=lighthouse.yaml#home:CLS"), cls.message());
        MetricComparison tbt = comparison.comparisons().get(3).comparison();
        assertEquals(RegressionOutcome.REGRESSED, tbt.outcome(), tbt.message());
        assertTrue(tbt.message().startsWith("TBT +260 ms ["), tbt.message());
        assertTrue(tbt.message().contains(" exceeds the allowed +100 ms (lighthouse.yaml#home"), tbt.message());
        assertTrue(comparison.hasBlocking());
    }

    @Test
    void unchangedPagesWithNoLayoutShiftStayUnchanged() {
        BaselineComparison comparison = compare(page(1000, 0.0, 0), page(1000, 0.0, 0));

        for (BaselineComparison.Compared compared : comparison.comparisons()) {
            assertEquals(RegressionOutcome.UNCHANGED, compared.comparison().outcome(), compared.message());
        }
        assertEquals(4, comparison.comparisons().size());
    }

    @Test
    void everyReportPrintsAnAbsoluteChangeInTheMetricsUnit() throws Exception {
        BaselineStore store = storeWith(page(1000, 0.0, 20));
        BaselineComparator comparator = new BaselineComparator(store, BaselineComparator.Settings.defaults());
        // earlier runs, so the HTML history chart is drawn with its limit
        for (int run = 0; run < 3; run++) {
            comparator.compare(List.of(page(1000, 0.0, 20)), new SourceVersion("c" + run, "main", false), null,
                    RECORDED.plusSeconds(600L * (run + 1)));
        }
        TestResult worse = page(1000, 0.3, 280);
        BaselineComparison comparison = comparator.compare(List.of(worse),
                new SourceVersion("fed4321cba", "feature", false), null, RECORDED.plusSeconds(3600));
        CheckReport report = CheckReport.of("shop", "target/perfgate/index.html", List.of(worse))
                .withBaseline(comparison);

        String html = new HtmlReportWriter().render(report);
        assertTrue(html.contains("<td class=\"num\">+0.3<span class=\"ci\">[+0.3, +0.3]</span></td>"
                + "<td class=\"num\">+0.05</td>"), html);
        assertTrue(html.contains("<td class=\"num\">+260 ms<span class=\"ci\">"), html);
        assertTrue(html.contains("<td class=\"num\">+100 ms</td>"), html);
        int clsChart = html.indexOf("aria-label=\"CLS of lighthouse.yaml#home\"");
        assertTrue(clsChart >= 0, html);
        String chart = html.substring(clsChart, html.indexOf("</svg>", clsChart));
        // CLS from 0 to 0.3 on the 44 pixels down from y 50: the red limit, baseline 0 + 0.05, a sixth of the way up
        assertTrue(chart.contains("y1=\"42.7\" x2=\"194\" y2=\"42.7\" stroke=\"#cf222e\""), chart);

        String markdown = new MarkdownSummaryWriter().render(report);
        assertTrue(markdown.contains("| REGRESSED | yes | lighthouse.yaml#home | CLS | +0.3 | \\[+0.3, +0.3\\] | +0.05"
                + " | CLS +0.3"), markdown);
        assertTrue(markdown.contains("| REGRESSED | yes | lighthouse.yaml#home | TBT | +260 ms"
                + " | \\[+254 ms, +266 ms\\] | +100 ms |"), markdown);

        JsonNode json = Json.mapper().readTree(new JsonSummaryWriter().render(report));
        Map<String, JsonNode> byMetric = new HashMap<>();
        json.get("baseline").get("comparisons").forEach(c -> byMetric.put(c.get("metric").asText(), c));
        JsonNode cls = byMetric.get("CLS");
        assertTrue(cls.get("ratio").isNull(), "a ratio from a CLS of 0 would be a lie");
        assertEquals(0.3, cls.get("difference").asDouble(), 1e-9);
        assertEquals(0.3, cls.get("differenceLower").asDouble(), 1e-9);
        assertEquals("+0.3", cls.get("change").asText());
        assertEquals("+0.05", cls.get("allowed").asText());
        JsonNode tbt = byMetric.get("TBT");
        assertEquals(260e6, tbt.get("difference").asDouble(), 1e3, "in the base unit, nanoseconds");
        assertEquals("+260 ms", tbt.get("change").asText());
        assertEquals("+100 ms", tbt.get("allowed").asText());
        JsonNode lcp = byMetric.get("LCP");
        assertEquals(1.0, lcp.get("ratio").asDouble(), 0.01);
        assertTrue(lcp.get("difference").isNull(), "LCP stays relative");
    }

    @Test
    void anIntendedLcpChangeIsAcceptedFromThePagesRuns() {
        TestResult before = page(1000, 0.0, 20);
        BaselineStore store = storeWith(before);

        store.accept(page(1500, 0.0, 20), "LCP", "hero image is larger by design", new SourceVersion("fed4321cba",
                "feature", false), null, RECORDED.plusSeconds(3600));

        List<Double> lcp = store.read(before.id()).orElseThrow().metrics().get("LCP").values();
        assertEquals(8, lcp.size(), "one value per Lighthouse run");
        assertEquals(1500e6, lcp.stream().mapToDouble(Double::doubleValue).sum() / lcp.size(), 1e6);
    }

    /** A store holding {@code baseline}, recorded on main at commit abc1234. */
    private BaselineStore storeWith(TestResult baseline) {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(baseline), new SourceVersion("abc1234def", "main", false), null, RECORDED, false);
        return store;
    }

    /** {@code current}, from a feature branch an hour later, compared with {@code baseline} by default settings. */
    private BaselineComparison compare(TestResult baseline, TestResult current) {
        return new BaselineComparator(storeWith(baseline), BaselineComparator.Settings.defaults())
                .compare(List.of(current), new SourceVersion("fed4321cba", "feature", false), null,
                        RECORDED.plusSeconds(3600));
    }

    @Test
    void aPageCarriesTheMachineNotTheJvmThatRecordedIt() {
        // the browser was timed: Maven's own JVM options (C1 only, say) must not make its comparison unfair
        Environment environment = page(1000, 0.0, 20).environment();
        assertNull(environment.javaVersion());
        assertEquals(List.of(), environment.jvmArguments());
        assertEquals(List.of(), environment.timingDistortions());
        assertEquals(Runtime.getRuntime().availableProcessors(), environment.availableProcessors());
    }

    /** Eight runs: FCP about 400 ms; LCP and TBT about the given milliseconds; the given CLS. */
    private static TestResult page(double lcpMillis, double cls, double tbtMillis) {
        List<FrontendDetails.Run> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double jitter = 1 + (i - 3.5) / 100;
            runs.add(new FrontendDetails.Run(Map.of("fcp", 400e6 * jitter, "lcp", lcpMillis * 1e6 * jitter,
                    "cls", cls, "tbt", tbtMillis * 1e6 * jitter), null, null, null));
        }
        PageDefinition page = new PageDefinition("lighthouse.yaml", "home", URI.create("http://127.0.0.1:8080/"),
                List.of(), 8, FormFactor.DESKTOP, Throttling.SIMULATE, 0.25, List.of());
        return FrontendResults.completed(page,
                new FrontendDetails("http://127.0.0.1:8080/", "desktop", "simulate", "12.2.3", runs, null, 0.25, null),
                1);
    }
}
