package io.perfgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.TestData;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How busy the machine was, once at the top of every report and per test. */
class ContentionReportTest {
    private final CheckReport report = report();

    private static CheckReport report() {
        LatencyHistogram quiet = TestData.repeat(new LatencyHistogram(), ms(1), 400);
        Measurement quietRun = TestData.measurement(quiet, 0, null, 400 * ms(1)).withContention(
                new Contention(Contention.SCHEDSTAT, 0.02, 0.02, 0.06, 0.10, 10, 0, 10, null, 0, null, 0.75),
                new CpuTime(400 * ms(0.9), 400, null));
        LatencyHistogram busy = TestData.repeat(new LatencyHistogram(), ms(2), 400);
        Measurement busyRun = TestData.measurement(busy, 0, null, 400 * ms(2)).withContention(
                new Contention(Contention.SCHEDSTAT, 0.30, 0.08, 0.61, 0.10, 4, 20, 10, 0.41, 100 * ms(5),
                        TestData.repeat(new LatencyHistogram(), ms(5), 100).encode(), 2.5),
                new CpuTime(400 * ms(1.5), 400, null));
        List<TestResult> results = List.of(
                TestData.completed("HashTest", "md5", "md5()", quietRun, TestData.gate("LatencyGate", "p50", "5ms")),
                TestData.completed("HashTest", "sha256", "sha256()", busyRun,
                        TestData.gate("LatencyGate", "p50", "1ms")));
        GateEvaluator evaluator = new GateEvaluator("target/perfgate/index.html");
        return new CheckReport("hashes", Instant.parse("2025-01-15T11:00:00Z"), "target/perfgate/index.html",
                results.stream().map(evaluator::evaluate).toList());
    }

    private static final String RUN_LINE = "CPU wait: the measuring threads waited for a CPU 16% of the time on average"
            + " (worst round 61%); 20 rounds waited beyond 10% and were measured again; 1 test ran out of time before"
            + " its rounds were clean (wall-time violations there are INCONCLUSIVE); machine load up to 2.50 per core.";

    @Test
    void theHtmlReportShowsTheRunsCpuWaitOnceAtTheTopAndEachTestsFigures() {
        String html = new HtmlReportWriter().render(report);
        int top = html.indexOf("<p class=\"meta contention\">" + RUN_LINE + "</p>");
        assertTrue(top > 0, html);
        assertEquals(top, html.lastIndexOf("<p class=\"meta contention\">"), "once for the whole run");
        assertTrue(top < html.indexOf("id=\"tests\""), "at the top, before the tests");
        assertTrue(html.contains("<tr><th colspan=\"2\">CPU and contention</th></tr>\n"
                + "<tr><td>CPU wait (all rounds)</td><td class=\"num\">30%</td></tr>\n"
                + "<tr><td>CPU wait (kept rounds)</td><td class=\"num\">8%</td></tr>\n"
                + "<tr><td>CPU wait (worst round)</td><td class=\"num\">61%</td></tr>\n"
                + "<tr><td>rounds kept / planned / discarded</td><td class=\"num\">4 / 10 / 20 (measuring stopped before"
                + " enough clean rounds)</td></tr>\n"
                + "<tr><td>machine load per core</td><td class=\"num\">2.50</td></tr>\n"
                + "<tr><td>CPU time per invocation</td><td class=\"num\">1.5 ms</td></tr>"), html);
        assertTrue(html.contains("<tr><td>CPU wait (kept rounds)</td><td class=\"num\">2%</td></tr>"), html);
    }

    @Test
    void summaryJsonCarriesTheRunsAndEachTestsFigures() throws Exception {
        JsonNode root = Json.mapper().readTree(new JsonSummaryWriter().render(report));
        JsonNode run = root.get("contention");
        assertEquals(2, run.get("tests").asInt());
        assertEquals(0.16, run.get("meanWaitShare").asDouble(), 1e-9);
        assertEquals(0.61, run.get("worstWaitShare").asDouble(), 1e-9);
        assertEquals(20, run.get("discardedRounds").asInt());
        assertEquals(1, run.get("testsShortOfCleanRounds").asInt());
        assertEquals(2.5, run.get("maxLoadPerCore").asDouble(), 1e-9);
        assertEquals(RUN_LINE, run.get("text").asText());

        JsonNode sha = root.get("tests").get(1);
        assertEquals("HashTest#sha256", sha.get("label").asText());
        assertEquals("INCONCLUSIVE", sha.get("verdict").asText(), "p50 2 ms beyond 1 ms, but on short distorted data");
        JsonNode contention = sha.get("measurement").get("contention");
        assertEquals("schedstat", contention.get("source").asText());
        assertEquals(0.30, contention.get("waitShare").asDouble(), 1e-9);
        assertEquals(0.08, contention.get("keptWaitShare").asDouble(), 1e-9);
        assertEquals(0.41, contention.get("discardedWaitShare").asDouble(), 1e-9);
        assertEquals(4, contention.get("keptRounds").asInt());
        assertEquals(20, contention.get("discardedRounds").asInt());
        assertTrue(contention.get("shortOfCleanRounds").asBoolean());
        assertEquals(1_500_000, sha.get("measurement").get("cpuNanosPerInvocation").asLong());
        assertTrue(sha.get("gates").get(0).get("metrics").get(0).get("message").asText()
                .contains("the measuring thread waited for a CPU 41% of the time in 20 rounds"));
    }

    @Test
    void theMarkdownSummaryOpensWithTheRunsCpuWait() {
        String markdown = new MarkdownSummaryWriter().render(report);
        assertTrue(markdown.contains("\n" + Markup.markdownCell(RUN_LINE) + "\n"), markdown);
    }

    @Test
    void aReportWithoutContentionFiguresSaysNothingAboutThem() {
        CheckReport plain = ReportFixture.report();
        assertFalse(new HtmlReportWriter().render(plain).contains("CPU wait"));
        assertFalse(new JsonSummaryWriter().render(plain).contains("\"contention\""));
    }
}
