package io.perfgate.core.trend;

import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendAnalyzerTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    private final TrendAnalyzer analyzer = TrendAnalyzer.defaults(RegressionPolicy.defaults());

    private static double[] around(double center) {
        double[] values = new double[10];
        for (int i = 0; i < 10; i++) {
            values[i] = center * (1 + 0.005 * (i - 4.5));
        }
        return values;
    }

    private static TrendPoint run(int day, double center) {
        double[] replicates = around(center);
        return new TrendPoint(START.plusSeconds(86_400L * day), "c0ffee" + day, TrendAnalyzer.median(replicates),
                replicates);
    }

    @Test
    void threeRunsInARowWorseThanTheBaselineRaiseTheCreepingAlert() {
        List<TrendPoint> points = List.of(run(1, 100), run(2, 113), run(3, 113), run(4, 113));
        TrendFinding finding = analyzer.analyze("id", "OrderTest#create", RegressionMetric.P95, points,
                around(100), START);
        assertEquals(3, finding.worseRunsInARow());
        assertEquals(List.of("p95 of OrderTest#create was worse than its baseline in each of the last 3 runs"
                + " (+13%, +13%, +13%), each with 99% confidence by more than half the allowed +20%: a regression"
                + " creeping in below it"), finding.alerts());
    }

    @Test
    void aLayoutShiftCreepingUpFromZeroIsMeasuredInItsUnit() {
        List<TrendPoint> points = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            double[] replicates = new double[10];
            for (int i = 0; i < 10; i++) {
                replicates[i] = day == 1 ? 0 : 0.04 + 0.0005 * (i - 4.5);
            }
            points.add(new TrendPoint(START.plusSeconds(86_400L * day), "c0ffee" + day,
                    TrendAnalyzer.median(replicates), replicates));
        }
        TrendFinding finding = analyzer.analyze("id", "home", RegressionMetric.CLS, points, new double[10], START);
        assertEquals(3, finding.worseRunsInARow(), "a baseline of 0 has no log, but a difference");
        assertEquals(List.of("CLS of home was worse than its baseline in each of the last 3 runs (+0.04, +0.04,"
                + " +0.04), each with 99% confidence by more than half the allowed +0.05: a regression creeping in"
                + " below it"), finding.alerts());
    }

    @Test
    void aSteadySmallOffsetFromTheBaselineRunIsNoCreepingRegression() {
        List<TrendPoint> points = List.of(run(1, 102), run(2, 102), run(3, 102), run(4, 102));
        TrendFinding finding = analyzer.analyze("id", "OrderTest#create", RegressionMetric.P95, points,
                around(100), START);
        assertEquals(0, finding.worseRunsInARow());
        assertTrue(finding.alerts().isEmpty(), finding.alerts().toString());
    }

    @Test
    void twoWorseRunsAreNotYetAnAlert() {
        List<TrendPoint> points = List.of(run(1, 100), run(2, 100), run(3, 113), run(4, 113));
        TrendFinding finding = analyzer.analyze("id", "OrderTest#create", RegressionMetric.P95, points,
                around(100), START);
        assertEquals(2, finding.worseRunsInARow());
        assertTrue(finding.alerts().isEmpty(), finding.alerts().toString());
    }

    @Test
    void aStepAfterTheBaselineIsAnAlertAndOneBeforeItIsHistory() {
        List<TrendPoint> points = new ArrayList<>();
        for (int day = 0; day < 8; day++) {
            points.add(run(day, 100 + (day % 3) * 0.1));
        }
        for (int day = 8; day < 16; day++) {
            points.add(run(day, 125 + (day % 3) * 0.1));
        }
        TrendFinding recent = analyzer.analyze("id", "OrderTest#create", RegressionMetric.P50, points, null,
                START.minusSeconds(1));
        assertEquals(1, recent.changePoints().size(), recent.changePoints().toString());
        TrendFinding.Shift shift = recent.changePoints().get(0);
        assertEquals(8, shift.index());
        assertTrue(shift.degradation() && shift.sinceBaseline());
        assertEquals(1, recent.alerts().size());
        assertTrue(recent.alerts().get(0).startsWith("p50 of OrderTest#create changed +25% (100 ns to 125 ns)"
                + " from commit c0ffee8 (2024-05-09) on, in a history of 16 runs (E-divisive, p = "),
                recent.alerts().get(0));

        TrendFinding accepted = analyzer.analyze("id", "OrderTest#create", RegressionMetric.P50, points, null,
                START.plusSeconds(86_400L * 12));
        assertFalse(accepted.changePoints().get(0).sinceBaseline());
        assertTrue(accepted.alerts().isEmpty(), accepted.alerts().toString());
    }

    @Test
    void throughputDegradesWhenItFalls() {
        List<TrendPoint> points = new ArrayList<>();
        for (int day = 0; day < 16; day++) {
            points.add(run(day, day < 8 ? 1000 + day % 2 : 800 + day % 2));
        }
        TrendFinding finding = analyzer.analyze("id", "Load#orders", RegressionMetric.THROUGHPUT, points, null, null);
        assertTrue(finding.changePoints().get(0).degradation());
        assertTrue(finding.alerts().get(0).startsWith("throughput of Load#orders changed -20%"), finding.alerts().get(0));
    }
}
