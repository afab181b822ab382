package io.perfgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.gate.Level;
import io.perfgate.core.jmh.JmhOutputMonitor;
import io.perfgate.core.jmh.JmhResultReader;
import io.perfgate.core.jmh.JmhResults;
import io.perfgate.core.jmh.WarmupRetries;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Benchmarks in every format: JMH's score, error and unit, the parameters, and their gate rows. */
class BenchmarkReportTest {
    private static final String REPORT = "target/perfgate/index.html";

    private static String resource(String name) throws IOException {
        try (InputStream in = BenchmarkReportTest.class.getResourceAsStream("/jmh/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The real JMH run of src/test/resources/jmh, throughput of sum gated at 60 million/s (at 95% confidence, size=100 is clearly below it and size=10 clearly above). */
    private static CheckReport report(boolean gated) throws IOException {
        JmhOutputMonitor monitor = new JmhOutputMonitor();
        resource("fixture-output.txt").lines().forEach(monitor);
        GateDeclaration throughput = new GateDeclaration("ThroughputGate", Level.BLOCKING, false,
                "method FixtureBench#sum", Map.of("min", "60000000/s"), null);
        List<TestResult> results = JmhResults.convert(JmhResultReader.parse(resource("fixture-result.json"), "f"),
                monitor.failures(), List.of(), name -> gated && name.endsWith(".sum") ? List.of(throughput) : List.of(),
                "smoke", Instant.parse("2025-01-15T10:00:00Z"));
        return CheckReport.of("bench", REPORT, results);
    }

    @Test
    void theHtmlReportListsEveryBenchmarkWithScoreParametersAndGateRows() throws IOException {
        String html = new HtmlReportWriter().render(report(true));

        assertTrue(html.contains("<h2 id=\"benchmarks\">Benchmarks</h2>"));
        assertTrue(html.contains("fixture.FixtureBench.sum</a></td><td>size=100</td><td>thrpt</td>"
                + "<td class=\"num\">27.6 ± 107 ops/us</td><td class=\"num\">0.0025 ± 0.00738 B/op</td>"
                + "<td class=\"verdict v-FAIL\">FAIL<span class=\"blocking\">blocks build</span></td>"), html);
        assertTrue(html.contains("fixture.FixtureBench.boom</a></td><td>size=100</td><td>avgt</td>"
                + "<td class=\"num\">failed</td>"));
        assertTrue(html.contains("JMH thrpt score 27.6 ± 107 ops/us (99.9% CI); allocation 0.0025 ± 0.00738 B/op;"
                + " parameters size=100; 2 forks x 2 iterations of 100 ms after 1 warmup iteration of 100 ms, 1 thread;"
                + " fork means "), html);
        assertTrue(html.contains("JMH avgt failed: java.lang.IllegalStateException: boom at size 100"));
        // the gate row of the benchmark, as for any test
        assertTrue(html.contains("<td>@ThroughputGate</td><td>BLOCKING</td><td>throughput</td>"), html);
        assertTrue(!html.contains("invocations, 0 errors in"), "JMH runs are not described as invocation counts");
    }

    @Test
    void theMarkdownSummaryListsBenchmarksEvenWithoutGates() throws IOException {
        String markdown = new MarkdownSummaryWriter().render(report(false));

        assertTrue(markdown.contains("### Benchmarks\n\n| Verdict | Benchmark | Parameters | Mode | Score | Allocation |"),
                markdown);
        assertTrue(markdown.contains("| PASS | fixture.FixtureBench.sum | size=10 | thrpt | 230 ± 567 ops/us |"
                + " 0.000277 ± 0.000855 B/op |"), markdown);
        assertTrue(markdown.contains("| FAIL | fixture.FixtureBench.boom | size=100 | avgt | failed | - |"), markdown);
        assertTrue(markdown.contains("| PASS | fixture.FixtureBench.Sampled.copy | - | sample | 1.23 ± 1.53 us/op |"),
                markdown);
    }

    @Test
    void theJsonSummaryCarriesJmhsFiguresAndTheBaseUnit() throws IOException {
        JsonNode root = Json.mapper().readTree(new JsonSummaryWriter().render(report(true)));

        JsonNode sum = null;
        for (JsonNode test : root.get("tests")) {
            if (test.get("id").asText().equals("jmh:fixture.FixtureBench.sum:thrpt[size=100]")) {
                sum = test;
            }
        }
        JsonNode benchmark = sum.get("benchmark");
        assertEquals("fixture.FixtureBench.sum", benchmark.get("benchmark").asText());
        assertEquals("thrpt", benchmark.get("mode").asText());
        assertEquals("100", benchmark.get("params").get("size").asText());
        assertEquals("27.6282", benchmark.get("score").asText());
        assertEquals("107.427", benchmark.get("scoreError").asText());
        assertEquals("ops/us", benchmark.get("scoreUnit").asText());
        assertEquals("27628200", benchmark.get("baseScore").asText());
        assertEquals(2, benchmark.get("forks").asInt());
        assertEquals("FAIL", sum.get("gates").get(0).get("verdict").asText());
        assertEquals(1, root.get("counts").get("blockingViolations").asInt() - 1,
                "the slow sum and the benchmark that threw");
    }

    @Test
    void theJsonSummaryAndTheResultSayWhichMetricWasStillWarmingUpOnlyForThatRun() throws IOException {
        String warming = "jmh:fixture.FixtureBench.sum:thrpt[size=100]";
        List<TestResult> results = JmhResults.convert(JmhResultReader.parse(resource("fixture-result.json"), "f"),
                List.of(), List.of(), (benchmark, params) -> List.of(),
                Map.of(warming, new WarmupRetries.StillWarming("the score moved", "the bytes moved")), "smoke",
                Instant.parse("2025-01-15T10:00:00Z"));
        JsonNode root = Json.mapper().readTree(new JsonSummaryWriter().render(CheckReport.of("bench", REPORT,
                results)));

        for (JsonNode test : root.get("tests")) {
            JsonNode benchmark = test.get("benchmark");
            if (test.get("id").asText().equals(warming)) {
                assertEquals("the score moved", benchmark.get("stillWarming").asText());
                assertEquals("the bytes moved", benchmark.get("allocationStillWarming").asText());
            } else {
                assertTrue(!benchmark.has("stillWarming") && !benchmark.has("allocationStillWarming"), test.toString());
            }
        }
        TestResult result = results.stream().filter(each -> each.id().equals(warming)).findFirst().orElseThrow();
        JsonNode file = Json.mapper().valueToTree(result);
        assertEquals("the bytes moved", file.get("benchmark").get("allocationStillWarming").asText(),
                "the result file perfgate:check reads");
    }
}
