package io.perfgate.core.frontend;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads LHRs that Lighthouse 12.2.3 wrote (trimmed to the audits perfgate reads). */
class LighthouseReportTest {
    @TempDir
    Path dir;

    @Test
    void readsTheMetricsInBaseUnits() throws Exception {
        LighthouseReport report = LighthouseReport.read(fixture("plain.report.json"));
        assertEquals("12.2.3", report.lighthouseVersion());
        assertNull(report.runtimeError());
        assertEquals(943.4745e6, report.metrics().get(Metric.FIRST_CONTENTFUL_PAINT), 1);
        assertEquals(943.4745e6, report.metrics().get(Metric.TIME_TO_INTERACTIVE), 1);
        assertEquals(1249.5607124999851e6, report.metrics().get(Metric.SPEED_INDEX), 1);
        assertEquals(0.0, report.metrics().get(Metric.CUMULATIVE_LAYOUT_SHIFT));
        assertEquals(97.0, report.metrics().get(Metric.PERFORMANCE_SCORE), 1e-9);
        assertEquals(4.0, report.metrics().get(Metric.REQUEST_COUNT));
        assertEquals(346 + 213 + 206 + 520, report.metrics().get(Metric.TOTAL_BYTES));
        assertEquals(206.0, report.metrics().get(Metric.SCRIPT_BYTES));
        assertTrue(report.screenshot().startsWith("data:image/jpeg;base64,"));
    }

    @Test
    void readsLighthousesRuntimeError() throws Exception {
        LighthouseReport report = LighthouseReport.read(fixture("not-found.report.json"));
        assertTrue(report.runtimeError().startsWith("ERRORED_DOCUMENT_REQUEST: Lighthouse was unable to reliably load"));
        assertTrue(report.runtimeError().endsWith("(Status code: 404)"));
        assertTrue(report.metrics().get(Metric.FIRST_CONTENTFUL_PAINT) == null);
    }

    @Test
    void importedReportsAreJudgedLikeMeasuredOnes() throws Exception {
        Path copy = Files.copy(fixture("plain.report.json"), dir.resolve("plain.report.json"));
        Files.writeString(dir.resolve("plain.report.html"), "<html></html>");
        PageDefinition page = new PageDefinition("lighthouse.yaml", "saved", null, List.of(copy, copy), 3,
                FormFactor.DESKTOP, Throttling.SIMULATE, 0.25, List.of(new GateDeclaration(
                GateType.FRONTEND.declarationName(), Level.BLOCKING, false, "lighthouse.yaml page 'saved'",
                Map.of("fcp", "900ms", "requests", "10"), null)));
        TestResult result = FrontendResults.imported(page, dir.resolve("target/perfgate"));
        assertEquals("../../plain.report.html", result.frontend().runs().get(0).htmlReport());
        TestOutcome outcome = new GateEvaluator(null).evaluate(result);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals("FCP = 943 ms exceeds the threshold 900 ms (median of 2 runs 943 ms, 943 ms, spread 0%)"
                + " (lighthouse.yaml#saved, 2 runs)", outcome.gates().get(0).violationMessages().get(0));
    }

    @Test
    void aFileThatIsNoLhrIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("other.json"), "{\"a\": 1}");
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> LighthouseReport.read(file));
        assertTrue(e.getMessage().contains("other.json is no Lighthouse result (LHR)"), e.getMessage());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LighthouseReportTest.class.getResource("/frontend/" + name).toURI());
    }
}
