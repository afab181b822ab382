package io.perfgate.core.frontend;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontendGateTest {

    private static final double MS = 1e6;

    @Test
    void theMedianRunDecidesAndTheMessageNamesValueBoundAndRuns() {
        // every run fails: a spread beyond maxSpread does not matter when the runs agree on the verdict
        TestOutcome outcome = judge(Map.of("lcp", "2s"), runs("lcp", 2050 * MS, 2500 * MS, 2100 * MS));
        MetricOutcome lcp = single(outcome);
        assertEquals(Verdict.FAIL, lcp.verdict());
        assertEquals(2100 * MS, lcp.value());
        assertEquals("LCP = 2.1 s exceeds the threshold 2 s (median of 3 runs 2.05 s, 2.1 s, 2.5 s, spread 21.4%)"
                + " (lighthouse.yaml#home, 3 runs, report: target/perfgate/index.html)", lcp.message());
    }

    @Test
    void runsSplitOnTheVerdictBeyondTheAllowedSpreadAreInconclusive() {
        MetricOutcome tbt = single(judge(Map.of("tbt", "300ms"), runs("tbt", 100 * MS, 250 * MS, 900 * MS)));
        assertEquals(Verdict.INCONCLUSIVE, tbt.verdict());
        assertTrue(tbt.message().startsWith("TBT has no verdict: its runs disagree (median of 3 runs 100 ms, 250 ms,"
                + " 900 ms, spread 320%, beyond the allowed 25%) on either side of 300ms"), tbt.message());
    }

    @Test
    void runsSplitWithinTheAllowedSpreadLeaveTheVerdictToTheMedian() {
        MetricOutcome fcp = single(judge(Map.of("fcp", "1s"), runs("fcp", 950 * MS, 990 * MS, 1020 * MS)));
        assertEquals(Verdict.PASS, fcp.verdict());
    }

    @Test
    void aLayoutShiftInEveryRunFailsTheUnitlessBound() {
        MetricOutcome cls = single(judge(Map.of("cls", "0.1"), runs("cls", 0.31, 0.3, 0.3)));
        assertEquals(Verdict.FAIL, cls.verdict());
        assertTrue(cls.message().startsWith("CLS = 0.3 exceeds the threshold 0.1; content moves"), cls.message());
    }

    @Test
    void theScoreIsAMinimum() {
        MetricOutcome score = single(judge(Map.of("score", "95..90"), runs("score", 92.0)));
        assertEquals(Verdict.WARN, score.verdict());
        assertEquals("performance score = 92 is below the target 95 (threshold 90) (lighthouse.yaml#home,"
                + " 1 run, report: target/perfgate/index.html)", score.message());
    }

    @Test
    void aScoreAboveItsMinimumIsWordedAsEveryMinimumIs() {
        MetricOutcome score = single(judge(Map.of("score", "80"), runs("score", 92.0)));
        assertEquals(Verdict.PASS, score.verdict());
        assertEquals("performance score = 92 meets the minimum 80 (lighthouse.yaml#home, 1 run, report:"
                + " target/perfgate/index.html)", score.message());
    }

    @Test
    void aPageLighthouseCouldNotLoadFailsEveryGateWithLighthousesMessage() {
        String failure = "Lighthouse could not measure http://127.0.0.1:9/missing: ERRORED_DOCUMENT_REQUEST: Lighthouse"
                + " was unable to reliably load the page you requested. (Status code: 404)";
        FrontendDetails details = new FrontendDetails("http://127.0.0.1:9/missing", "desktop", "simulate", "12.2.3",
                List.of(new FrontendDetails.Run(Map.of(), null, null, failure)), failure, 0.25, null);
        TestOutcome outcome = judge(Map.of("lcp", "4s", "cls", "0.1"), details);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals(1, outcome.gates().size(), "no implicit error gate besides the page's own");
        assertEquals(2, outcome.gates().get(0).metrics().size(), "both gated metrics judged");
        for (MetricOutcome metric : outcome.gates().get(0).metrics()) {
            assertEquals(Verdict.FAIL, metric.verdict());
            assertNull(metric.value());
            assertTrue(metric.message().contains("(Status code: 404); fix the page"), metric.message());
        }
    }

    @Test
    void aPageWithoutGatesThatFailedStillFails() {
        String failure = "Lighthouse wrote no report for http://127.0.0.1:9/ (exit 1): connection refused";
        FrontendDetails details = new FrontendDetails("http://127.0.0.1:9/", "mobile", "simulate", null,
                List.of(new FrontendDetails.Run(Map.of(), null, null, failure)), failure, 0.25, null);
        TestOutcome outcome = new GateEvaluator(null).evaluate(FrontendResults.completed(page(List.of()), details, 1));
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertTrue(outcome.gates().get(0).violationMessages().get(0).contains("connection refused"));
    }

    @Test
    void aMetricLighthouseDidNotComputeFails() {
        MetricOutcome tti = single(judge(Map.of("tti", "5s"), runs("lcp", 1000 * MS)));
        assertEquals(Verdict.FAIL, tti.verdict());
        assertTrue(tti.message().startsWith("TTI was declared but not measured: Lighthouse computed no value in run 1"));
    }

    @Test
    void resultsSurviveTheirFile() throws Exception {
        TestResult result = FrontendResults.completed(page(gates(Map.of("cls", "0.1"))),
                runs("cls", 0.0, 0.02, 0.0), 5);
        TestResult read = Json.mapper().readValue(Json.mapper().writeValueAsBytes(result), TestResult.class);
        assertEquals(result.frontend(), read.frontend());
        assertEquals("lighthouse.yaml#home", read.label());
        assertEquals(Verdict.PASS, new GateEvaluator(null).evaluate(read).verdict());
    }

    private static MetricOutcome single(TestOutcome outcome) {
        assertEquals(1, outcome.gates().size());
        assertEquals(1, outcome.gates().get(0).metrics().size());
        return outcome.gates().get(0).metrics().get(0);
    }

    private static TestOutcome judge(Map<String, String> bounds, FrontendDetails details) {
        return new GateEvaluator("target/perfgate/index.html").evaluate(
                FrontendResults.completed(page(gates(bounds)), details, 1));
    }

    static FrontendDetails runs(String metric, double... values) {
        List<FrontendDetails.Run> runs = Arrays.stream(values)
                .mapToObj(value -> new FrontendDetails.Run(Map.of(metric, value), null, null, null)).toList();
        return new FrontendDetails("http://127.0.0.1:8080/", "desktop", "simulate", "12.2.3", runs, null, 0.25, null);
    }

    private static List<GateDeclaration> gates(Map<String, String> bounds) {
        return List.of(new GateDeclaration(GateType.FRONTEND.declarationName(), Level.BLOCKING, false,
                "lighthouse.yaml page 'home'", bounds, null));
    }

    private static PageDefinition page(List<GateDeclaration> gates) {
        return new PageDefinition("lighthouse.yaml", "home", URI.create("http://127.0.0.1:8080/"), List.of(), 3,
                FormFactor.DESKTOP, Throttling.SIMULATE, 0.25, gates);
    }
}
