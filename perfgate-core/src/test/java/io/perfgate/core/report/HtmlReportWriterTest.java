package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.TestOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportWriterTest {
    private final CheckReport report = ReportFixture.report();
    private final String html = new HtmlReportWriter().render(report);

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void isSelfContained() {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("<link"), "no stylesheet links");
        assertFalse(lower.contains(" src="), "no external resources");
        assertFalse(lower.contains("url("), "no CSS fetches");
        assertFalse(lower.contains("@import"), "no CSS imports");
        int http = lower.split("https?://", -1).length - 1;
        int svgNamespaces = html.split("xmlns=\"http://www.w3.org/2000/svg\"", -1).length - 1;
        assertEquals(svgNamespaces, http, "the only URLs are SVG namespace names, which are never fetched");
        assertTrue(html.startsWith("<!DOCTYPE html>\n"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
    }

    @Test
    void everyLinkLandsOnAnAnchorAndAnchorsAreUnique() {
        List<String> ids = all(Pattern.compile(" id=\"([^\"]+)\""), html);
        Set<String> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), "duplicate ids: " + ids);
        for (String target : all(Pattern.compile("href=\"#([^\"]+)\""), html)) {
            assertTrue(unique.contains(target), "a link to #" + target + " with no such anchor");
        }
        for (TestOutcome test : report.tests()) {
            assertTrue(html.contains("</span> " + Markup.escape(test.label())), test.label());
        }
        assertEquals(report.tests().size(), all(Pattern.compile("<section class=\"test\" id=\"(test-[0-9a-f]{24})\""),
                html).size());
    }

    @Test
    void chartsAreWellFormedSvgWithTheirBoundLines() {
        List<String> charts = all(Pattern.compile("(<svg.*?</svg>)", Pattern.DOTALL), html);
        // every test with successful samples has a chart, a load test one more per endpoint
        assertEquals(11, charts.size());
        charts.forEach(ReportAssertions::parseXml);
        String createOrder = charts.stream().filter(svg -> svg.contains("of OrderApiPerfTest#createOrder\""))
                .findFirst().orElseThrow();
        assertTrue(createOrder.contains("<title>p95 threshold 200 ms</title>"), createOrder);
        assertTrue(createOrder.contains("<title>p95 target 150 ms</title>"), createOrder);
        assertTrue(createOrder.contains("above the chart: max threshold 1 s"), createOrder);
        for (String label : List.of("p50", "p90", "p95", "p99", "p99.9", "max")) {
            assertTrue(createOrder.contains(">" + label + "</text>"), label);
        }
    }

    @Test
    void colorsEachVerdictAndMarksWhatBlocks() {
        assertTrue(html.contains("<tr class=\"blocks\"><td>@LatencyGate</td><td>BLOCKING</td><td>p95</td>"
                + "<td class=\"num\">231 ms<span class=\"ci\">95% CI 231 ms</span></td><td>150ms..200ms</td>"
                + "<td class=\"verdict v-FAIL\">FAIL<span class=\"blocking\">blocks build</span></td>"), html);
        for (String verdict : List.of("PASS", "WARN", "FAIL", "INCONCLUSIVE", "SKIPPED")) {
            assertTrue(html.contains("<td class=\"verdict v-" + verdict + "\">" + verdict), verdict);
            assertTrue(html.contains(".v-" + verdict + "{color:#"), verdict);
        }
        assertTrue(html.contains("<p class=\"status s-FAILED\">perfgate: FAILED - 7 blocking violations</p>"));
    }

    @Test
    void summarisesCountsAndClasses() {
        assertTrue(html.contains("<tr><td class=\"num\">11</td><td class=\"num\">1</td><td class=\"num\">1</td>"
                + "<td class=\"num\">6</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">7</td></tr>"));
        assertTrue(html.contains(">com.example.InventoryPerfTest</a></td><td class=\"num\">4</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">1</td>"));
    }

    @Test
    void anEmptyReportSaysThatNothingRan() {
        String empty = new HtmlReportWriter().render(new CheckReport("empty", Instant.EPOCH, null, List.of()));
        assertTrue(empty.contains("perfgate: SKIPPED - no gated test left a result"));
        assertFalse(empty.contains("<svg"));
        assertTrue(empty.endsWith("</html>\n"));
    }

    @Test
    void aDistortionEveryTestSharesIsSaidOnceAtTheTopAndOnlyTheRestPerTest() {
        io.perfgate.core.result.Environment assertions = new io.perfgate.core.result.Environment("17.0.12", "Eclipse Adoptium",
                "OpenJDK 64-Bit Server VM", "Linux", "amd64", 2, "Test CPU", 512L * 1024 * 1024, List.of("-ea"), true);
        io.perfgate.core.result.Environment assertionsAndJacoco = new io.perfgate.core.result.Environment("17.0.12",
                "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux", "amd64", 2, "Test CPU", 512L * 1024 * 1024,
                List.of("-ea", "-javaagent:/m2/org/jacoco/org.jacoco.agent-0.8.12-runtime.jar=destfile=x"), true);
        var measurement = io.perfgate.core.TestData.measurement(io.perfgate.core.TestData.histogram(1_000, 2_000), 0, null,
                1_000_000);
        var gate = io.perfgate.core.TestData.gate("LatencyGate", "max", "1ms");
        CheckReport twoTests = CheckReport.of("p", "target/perfgate/index.html", List.of(
                ReportFixture.withEnvironment(io.perfgate.core.TestData.completed("ATest", "a", "a()", measurement, gate),
                        assertions),
                ReportFixture.withEnvironment(io.perfgate.core.TestData.completed("BTest", "b", "b()", measurement, gate),
                        assertionsAndJacoco)));
        String page = new HtmlReportWriter().render(twoTests);
        assertEquals(1, page.split("Timing of every test is distorted by: assertions enabled", -1).length - 1, page);
        assertEquals(1, page.split("<p class=\"distortion\">Timing is distorted by: ", -1).length - 1,
                "only the test with JaCoCo says more");
        assertFalse(page.contains("<p class=\"distortion\">Timing is distorted by: assertions"), page);
    }

    @Test
    void aLargeReportShowsOnlyTestsThatNeedAttentionInFullAndPassingOnesAsRows() {
        List<io.perfgate.core.result.TestResult> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(io.perfgate.core.TestData.completed("ScaleTest", "trivial", "[" + i + "] " + i,
                    io.perfgate.core.TestData.measurement(io.perfgate.core.TestData.exponential(i, 20, 2_000), 0, null,
                            1_000_000L),
                    io.perfgate.core.TestData.gate("LatencyGate", "p50", i == 7 ? "1us" : "100ms")));
        }
        CheckReport large = CheckReport.of("scale", ReportFixture.REPORT, results);
        String page = new HtmlReportWriter().render(large);

        assertEquals(1, all(Pattern.compile("<section class=\"test\" id=\"(test-[0-9a-f]{24})\""), page).size(),
                "only the failing test in full");
        assertTrue(page.contains("ScaleTest#trivial [[7] 7]"), "the failing test is named");
        assertEquals(1, page.split("<svg", -1).length - 1, "one chart: the failing test's");
        assertEquals(999, all(Pattern.compile("<tr id=\"(test-[0-9a-f]{24})\"><td><details>"), page).size());
        assertTrue(page.contains("<summary>ScaleTest#trivial [[8] 8]</summary>"), "passing tests are named in their row");
        assertTrue(page.contains("p50 "), page.substring(0, 200));
        assertTrue(page.length() < 1_000_000, "a browser opens it at once: " + page.length() + " characters");
        List<String> ids = all(Pattern.compile(" id=\"([^\"]+)\""), page);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "anchors are unique");
        for (String target : all(Pattern.compile("href=\"#([^\"]+)\""), page)) {
            assertTrue(ids.contains(target), "a link to #" + target + " with no such anchor");
        }
        String small = new HtmlReportWriter().render(ReportFixture.report());
        assertFalse(small.contains("class=\"compact\""), "a small report shows every test in full");
    }
}
