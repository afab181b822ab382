package io.perfgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.TestData;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryWritersTest {
    private final CheckReport report = ReportFixture.report();

    private static CheckReport reportOf(TestResult... results) {
        GateEvaluator evaluator = new GateEvaluator("target/perfgate/index.html");
        return new CheckReport("p", Instant.EPOCH, "target/perfgate/index.html",
                Stream.of(results).map(evaluator::evaluate).toList());
    }

    private static TestResult fast(Level level, String bound) {
        return TestData.completed(TestData.measurement(TestData.repeat(new LatencyHistogram(), TestData.ms(10), 500), 0,
                null, 1_000_000_000L), TestData.gate("LatencyGate", level, "p95", bound));
    }

    @Test
    void everyFormatIsListedOnceAndWrittenAtomically(@TempDir Path directory) throws IOException {
        List<String> names = ReportWriters.all().stream().map(ReportWriter::fileName).toList();
        assertEquals(List.of("index.html", "summary.json", "summary.md", "TEST-perfgate.xml", "recommendations.json"),
                names);
        List<Path> written = ReportWriters.writeAll(report, directory.resolve("perfgate"));
        assertEquals(5, written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(ReportWriters.all().get(i).render(report), Files.readString(written.get(i)));
        }
        try (Stream<Path> files = Files.list(directory.resolve("perfgate"))) {
            assertEquals(5, files.count(), "no temporary files left");
        }
    }

    @Test
    void jsonCountsAgreeWithTheCheck() throws IOException {
        JsonNode summary = Json.mapper().readTree(new JsonSummaryWriter().render(report));
        assertEquals("1.0", summary.get("schemaVersion").asText());
        assertEquals("FAILED", summary.get("status").asText());
        assertTrue(summary.get("blocking").asBoolean());
        JsonNode counts = summary.get("counts");
        assertEquals(report.tests().size(), counts.get("tests").asInt());
        assertEquals(report.countsByVerdict().get(Verdict.FAIL), counts.get("failed").asInt());
        assertEquals(report.countsByVerdict().get(Verdict.INCONCLUSIVE), counts.get("inconclusive").asInt());
        assertEquals(report.blockingMessages().size(), counts.get("blockingViolations").asInt());
        List<String> messages = new ArrayList<>();
        summary.get("blockingViolations").forEach(violation -> messages.add(violation.get("message").asText()));
        assertEquals(report.blockingMessages().stream().sorted().toList(), messages.stream().sorted().toList());
        JsonNode createOrder = summary.get("tests").get(5);
        assertEquals("OrderApiPerfTest#createOrder", createOrder.get("label").asText());
        JsonNode p95 = createOrder.get("gates").get(0).get("metrics").get(0);
        assertEquals("p95", p95.get("metric").asText());
        assertEquals("ns", p95.get("unit").asText());
        assertEquals("231 ms", p95.get("formatted").asText());
        assertTrue(p95.get("value").isIntegralNumber());
        assertEquals("FAIL", p95.get("verdict").asText());
        assertEquals("150ms..200ms", p95.get("bound").asText());
    }

    @Test
    void junitXmlHasOneCasePerGateAndFailsOnlyBlockingOnes() {
        Document xml = ReportAssertions.parseXml(new JUnitXmlWriter().render(report));
        Element suite = xml.getDocumentElement();
        assertEquals("perfgate", suite.getAttribute("name"));
        int gates = report.tests().stream().mapToInt(test -> Math.max(1, test.gates().size())).sum();
        assertEquals(gates, xml.getElementsByTagName("testcase").getLength());
        assertEquals(String.valueOf(gates), suite.getAttribute("tests"));
        NodeList failures = xml.getElementsByTagName("failure");
        assertEquals(String.valueOf(failures.getLength()), suite.getAttribute("failures"));
        assertEquals(report.blockingViolations().size(), failures.getLength());
        assertEquals(String.valueOf(xml.getElementsByTagName("skipped").getLength()), suite.getAttribute("skipped"));
        Element first = (Element) failures.item(0);
        Element testCase = (Element) first.getParentNode();
        assertEquals("com.example.InventoryPerfTest", testCase.getAttribute("classname"));
        assertEquals("reserve @LatencyGate", testCase.getAttribute("name"));
        assertTrue(first.getAttribute("message").startsWith("p99 needs at least 1,000 samples, got 50"));
        // a WARNING-level failure is printed, not failed
        String out = xml.getElementsByTagName("system-out").item(2).getTextContent();
        assertTrue(out.startsWith("FAIL (WARNING): p95 = 36.4 ms exceeds the threshold 25 ms"), out);
    }

    @Test
    void markdownHeadlineFollowsTheOutcome() {
        MarkdownSummaryWriter writer = new MarkdownSummaryWriter();
        assertTrue(writer.render(report).startsWith("## perfgate: FAILED - 7 blocking violations\n\n"
                + "11 tests: 1 passed, 1 warned, 6 failed, 2 inconclusive, 1 skipped."));
        assertTrue(writer.render(reportOf(fast(Level.BLOCKING, "20ms"))).startsWith("## perfgate: PASSED\n"));
        assertTrue(writer.render(reportOf(fast(Level.BLOCKING, "20ms"))).contains("### Violations\n\nNone.\n"));
        assertTrue(writer.render(reportOf(fast(Level.WARNING, "5ms")))
                .startsWith("## perfgate: PASSED - 1 non-blocking violation\n"));
        assertTrue(writer.render(reportOf(fast(Level.BLOCKING, "5ms"), fast(Level.BLOCKING, "1ms")))
                .startsWith("## perfgate: FAILED - 2 blocking violations\n"));
        assertEquals("## perfgate: SKIPPED - no gated test left a result\n\n0 tests: 0 passed, 0 warned, 0 failed,"
                + " 0 inconclusive, 0 skipped. Report: target/perfgate/index.html. Generated 1970-01-01T00:00:00Z.\n",
                writer.render(reportOf()));
    }

    @Test
    void markdownListsBlockingViolationsFirst() {
        String markdown = new MarkdownSummaryWriter().render(report);
        String violations = markdown.substring(markdown.indexOf("### Violations"), markdown.indexOf("### All gates"));
        List<String> blocks = violations.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Verdict")
                && !line.startsWith("| ---")).map(line -> line.split(" \\| ")[1]).toList();
        assertEquals(report.blockingMessages().size() + 5, blocks.size());
        assertEquals(blocks.stream().sorted((a, b) -> b.compareTo(a)).toList(), blocks, "all yes before no");
    }

    @Test
    void aLargeMarkdownSummaryFoldsAndCutsTheGateTableButKeepsEveryViolation() {
        java.util.List<io.perfgate.core.result.TestResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(io.perfgate.core.TestData.completed("ScaleTest", "trivial", "[" + i + "] " + i,
                    io.perfgate.core.TestData.measurement(io.perfgate.core.TestData.exponential(i, 20, 2_000), 0, null,
                            1_000_000L),
                    io.perfgate.core.TestData.gate("LatencyGate", "p50", i % 400 == 7 ? "1us" : "100ms")));
        }
        String markdown = new MarkdownSummaryWriter().render(
                io.perfgate.core.check.CheckReport.of("scale", ReportFixture.REPORT, results));
        // 1000 gates and the implicit "no errors allowed" gate of each test
        assertTrue(markdown.length() < 65_536, "fits a pull-request comment: " + markdown.length());
        assertTrue(markdown.contains("<details><summary>2000 gated metrics</summary>"), markdown);
        assertTrue(markdown.contains("\n1800 more in the HTML report.\n"), markdown);
        for (int failing : new int[] {7, 407, 807}) {
            assertTrue(markdown.contains("| FAIL | yes | ScaleTest#trivial \\[\\[" + failing + "\\] " + failing + "\\] |"),
                    "violation " + failing + " listed");
        }
    }
}
