package io.perfgate.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.report.HtmlReportWriter;
import io.perfgate.core.report.JUnitXmlWriter;
import io.perfgate.core.report.JsonSummaryWriter;
import io.perfgate.core.report.MarkdownSummaryWriter;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report formats carry the comparison with the baseline, and a regression fails the report's status. */
class BaselineReportTest {
    private static final Instant RECORDED = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path project;

    private CheckReport report;

    @BeforeEach
    void slowerThanTheBaseline() {
        BaselineStore store = new BaselineStore(project.resolve(".perfgate"));
        store.record(List.of(Results.completed("create", 2e6)), new SourceVersion("abc1234def", "main", false), null,
                RECORDED, false);
        BaselineComparator comparator = new BaselineComparator(store, BaselineComparator.Settings.defaults());
        // a few unchanged runs first, so the history chart has points
        for (int run = 0; run < 3; run++) {
            comparator.compare(List.of(Results.completed("create", 2e6, 10, 300 + run, Results.ENVIRONMENT)),
                    new SourceVersion("c" + run, "main", false), null, RECORDED.plusSeconds(3600L * (run + 1)));
        }
        TestResult slower = Results.completed("create", 2.6e6, 10, 77, Results.ENVIRONMENT);
        BaselineComparison comparison = comparator.compare(List.of(slower),
                new SourceVersion("fed4321", "feature", false), null, RECORDED.plusSeconds(86_400));
        report = CheckReport.of("shop", "target/perfgate/index.html", List.of(slower)).withBaseline(comparison);
    }

    @Test
    void aBlockingRegressionFailsTheReport() {
        assertTrue(report.hasBlockingViolations());
        assertTrue(report.blockingViolations().isEmpty(), "the gates themselves pass");
        assertTrue(report.blockingMessages().stream().anyMatch(m -> m.startsWith("p95 +")), report.blockingMessages().toString());
    }

    @Test
    void htmlShowsEachMetricWithChangeIntervalOutcomeAndHistory() {
        String html = new HtmlReportWriter().render(report);
        assertTrue(html.contains("<h2 id=\"baseline\">Comparison with the baseline</h2>"));
        assertTrue(html.contains("<p class=\"status s-FAILED\">perfgate: FAILED - 3 blocking violations</p>"), html);
        assertTrue(html.contains("<td class=\"verdict o-REGRESSED\">REGRESSED<span class=\"blocking\">blocks build</span>"));
        assertTrue(html.contains("<td class=\"verdict o-UNCHANGED\">UNCHANGED</td>"), "p99 is within +50%");
        assertTrue(html.contains("<svg class=\"history\""));
        assertTrue(html.contains("4 runs, latest"), "three earlier runs and this one");
        assertTrue(html.contains("vs baseline (commit abc1234) exceeds the allowed +20%"));
    }

    @Test
    void markdownJsonAndJUnitXmlCarryTheRegressions() throws Exception {
        String markdown = new MarkdownSummaryWriter().render(report);
        assertTrue(markdown.contains("### Comparison with the baseline"), markdown);
        assertTrue(markdown.contains("| REGRESSED | yes | OrderTest#create | p95 | +"), markdown);

        JsonNode json = Json.mapper().readTree(new JsonSummaryWriter().render(report));
        assertEquals("FAILED", json.get("status").asText());
        JsonNode p95 = null;
        for (JsonNode comparison : json.get("baseline").get("comparisons")) {
            if (comparison.get("metric").asText().equals("p95")) {
                p95 = comparison;
            }
        }
        assertEquals("REGRESSED", p95.get("outcome").asText());
        assertTrue(p95.get("blocks").asBoolean());
        assertTrue(p95.get("ratioLower").asDouble() > 1.2);
        assertEquals(10, p95.get("currentReplicates").asInt());

        Document xml = parse(new JUnitXmlWriter().render(report));
        assertEquals("3", xml.getDocumentElement().getAttribute("tests"), "two gates and one comparison with the baseline");
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
        assertEquals("perfgate.REGRESSED", xml.getElementsByTagName("failure").item(0).getAttributes()
                .getNamedItem("type").getNodeValue());
    }

    @Test
    void withoutABaselineTheReportsStayAsTheyWere() {
        CheckReport plain = CheckReport.of("shop", "target/perfgate/index.html",
                List.of(Results.completed("create", 2e6)));
        assertFalse(new HtmlReportWriter().render(plain).contains("Comparison with the baseline"));
        assertFalse(new MarkdownSummaryWriter().render(plain).contains("baseline"));
        assertFalse(plain.hasBlockingViolations());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
