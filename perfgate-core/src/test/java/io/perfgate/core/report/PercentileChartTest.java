package io.perfgate.core.report;

import io.perfgate.core.latency.LatencySummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentileChartTest {

    private static final Pattern POINT = Pattern.compile("<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\"");

    @Test
    void aFastBodyWithOneSlowOutlierGetsALogarithmicAxisSoItsPercentilesStayApart() {
        // p50 170 ns .. p99.9 1.78 us, max 3.18 ms: on a linear axis every percentile sits on zero
        String svg = new PercentileChart("fast", new LatencySummary(1_000_000, 150, 202, 170, 181, 191, 260, 1_780,
                3_180_000), List.of()).svg();
        assertTrue(svg.contains(">100 ns</text>"), svg);
        assertTrue(svg.contains(">1 ms</text>"), svg);
        assertFalse(svg.contains(">ms</text>"), "no linear axis title");
        List<Double> heights = pointHeights(svg);
        assertTrue(heights.get(0) - heights.get(4) > 25, "p50 and p99.9 are visibly apart: " + heights);
    }

    @Test
    void aNarrowDistributionKeepsTheLinearMillisecondAxis() {
        String svg = new PercentileChart("narrow", new LatencySummary(200, 2_070_000, 2_090_000, 2_080_000, 2_100_000,
                2_120_000, 2_200_000, 2_740_000, 2_740_000), List.of(
                new PercentileChart.BoundLine("p95 target", 2_000_000, false))).svg();
        assertTrue(svg.contains(">ms</text>"), svg);
        assertTrue(svg.contains("p95 target 2 ms"), svg);
        assertEquals(6, pointHeights(svg).size());
    }

    private static List<Double> pointHeights(String svg) {
        Matcher matcher = POINT.matcher(svg);
        List<Double> heights = new java.util.ArrayList<>();
        while (matcher.find()) {
            heights.add(Double.parseDouble(matcher.group(1)));
        }
        return heights;
    }
}
