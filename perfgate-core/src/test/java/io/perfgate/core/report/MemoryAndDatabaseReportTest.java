package io.perfgate.core.report;

import io.perfgate.core.TestData;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.DatabaseMeasurement.StatementCount;
import io.perfgate.core.result.DatabaseMeasurement.StatementSummary;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence behind a failing leak or N+1 gate, as the HTML report and the summaries show it. */
class MemoryAndDatabaseReportTest {

    private final CheckReport report = report();
    private final String html = new HtmlReportWriter().render(report);

    @Test
    void aLeakShowsItsSlopeIntervalAndChart() {
        assertTrue(html.contains("<td>leak per invocation</td><td class=\"num\">520 B (95% interval 520 B .. 520 B)</td>"),
                html);
        String chart = chart("Heap after GC of CacheTest#lookup: 520 B (95% interval 520 B .. 520 B) per invocation");
        ReportAssertions.parseXml(chart);
        assertEquals(12, count(chart, "<circle "), "one dot per heap sample");
        assertTrue(chart.contains("<title>threshold 64 B per invocation</title>"), chart);
        assertTrue(chart.contains("<title>fitted: 520 B per invocation</title>"), chart);
        assertTrue(chart.contains("<title>5,500 invocations: 50.7 MB</title>"), chart);
    }

    @Test
    void anNPlusOneShowsTheRepeatedStatementAndItsCount() {
        assertTrue(html.contains("<tr><td><code>select sku from order_line where order_id = ?</code></td>"
                + "<td class=\"num\">40</td></tr>"), html);
        assertTrue(html.contains("<td>statements per invocation</td><td class=\"num\">max 41, mean 41</td>"), html);
        assertTrue(html.contains("<td>connections within 1 ms</td><td class=\"num\">299 of 300 (99.7%)</td>"), html);
        assertTrue(html.contains("the worst invocation ran &quot;select sku from order_line where order_id = ?&quot;"
                + " 40 times"), html);
    }

    @Test
    void summariesCarryTheEvidenceInTheirMessages() {
        String markdown = new MarkdownSummaryWriter().render(report);
        assertTrue(markdown.contains("leak per invocation = 520 B (95% interval 520 B .. 520 B) is significantly above"
                + " the threshold 64 B"), markdown);
        assertTrue(markdown.contains("40 times"), markdown);
        String json = new JsonSummaryWriter().render(report);
        assertTrue(json.contains("select sku from order_line where order_id = ?"), json);
    }

    private String chart(String title) {
        Matcher matcher = Pattern.compile("(<svg[^>]*aria-label=\"" + Pattern.quote(Markup.escapeAttribute(title))
                + "\".*?</svg>)", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "no chart titled " + title + " in " + html);
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    static CheckReport report() {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            samples.add(new HeapSample(i * 500L, i * 2_000_000L, 48L * 1024 * 1024 + i * 500L * 520));
        }
        Measurement leaking = TestData.withMemory(TestData.measurement(TestData.exponential(201, 1000, 50_000), 0,
                null, 1_000_000_000L), new MemoryMeasurement(50L << 20, 600.0, 2_000_000L, 9_000_000L, 4L,
                new HeapTrend(samples, null)));
        TestResult leak = TestData.completed("CacheTest", "lookup", "lookup()", leaking,
                new GateDeclaration("MemoryGate", Level.BLOCKING, false, "method CacheTest#lookup",
                        Map.of("leakPerInvocation", "64B", "leakPerHour", "10MB/h"), null));

        LatencyHistogram statements = new LatencyHistogram();
        for (int i = 0; i < 300 * 41; i++) {
            statements.record(200_000 + (i % 100) * 1_000);
        }
        DatabaseMeasurement figures = new DatabaseMeasurement(300 * 41, 0, statements.encode(), 0, 0, 300 * 41,
                new LatencyHistogram().encode(), 300, 299, statements.encode(), 0, Map.of(), null, 300, 300 * 41, 41,
                List.of(new StatementCount("select sku from order_line where order_id = ?", 40),
                        new StatementCount("select id, customer from orders order by id", 1)),
                List.of(new StatementSummary("select sku from order_line where order_id = ?", 12_000, 0,
                        3_000_000_000L, 240_000, 290_000, 900_000),
                        new StatementSummary("select id, customer from orders order by id", 300, 0,
                                90_000_000L, 300_000, 310_000, 400_000)));
        Measurement nPlusOne = new Measurement(300, 0, Map.of(), null, 1_000_000_000L,
                TestData.exponential(202, 300, 2_000_000).encode(), null, null, List.of(), figures);
        TestResult repository = TestData.completed("OrderRepositoryTest", "findAll", "findAll()", nPlusOne,
                new GateDeclaration("DatabaseGate", Level.BLOCKING, false, "method OrderRepositoryTest#findAll",
                        Map.of("maxStatementsPerInvocation", "5", "queryP95", "10ms", "poolEfficiency", "95%"), null));

        GateEvaluator evaluator = new GateEvaluator(ReportFixture.REPORT);
        return new CheckReport("shop-service", ReportFixture.GENERATED, ReportFixture.REPORT,
                List.of(evaluator.evaluate(leak), evaluator.evaluate(repository)));
    }
}
