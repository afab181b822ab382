package io.perfgate.core.regression;

import io.perfgate.core.gate.InvalidGateException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionDetectorTest {
    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    /** Ten replicates spread evenly over +-4.5 % around {@code center}. */
    private static double[] around(double center, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = center * (1 + 0.01 * (i - (count - 1) / 2.0));
        }
        return values;
    }

    private static ComparisonInput input(RegressionMetric metric, double[] baseline, double[] current) {
        return new ComparisonInput("id", "OrderTest#create", metric, baseline, current, "commit abc1234");
    }

    @Test
    void aClearSlowdownIsARegressionWithItsChangeAndIntervalInTheMessage() {
        MetricComparison result = detector.compare(input(RegressionMetric.P95, around(100e6, 10), around(131e6, 10)));
        assertEquals(RegressionOutcome.REGRESSED, result.outcome());
        assertTrue(result.message().matches("p95 \\+31% \\[\\+2[0-9]%, \\+3[0-9]%] vs baseline \\(commit abc1234\\)"
                + " exceeds the allowed \\+20% \\(OrderTest#create, 10 vs 10 replicates, p = .*"), result.message());
        assertTrue(result.message().contains("-Dperfgate.accept=OrderTest#create:p95"), result.message());
        assertEquals(1.31, result.ratio(), 1e-9);
        assertTrue(result.lowerRatio() > 1.2 && result.upperRatio() < 1.45);
        assertEquals(100e6, result.baselineValue(), 1e-3);
    }

    @Test
    void theAcceptHintQuotesAMetricNameWithASpaceSoTheCommandCanBeCopied() {
        MetricComparison result = detector.compare(new ComparisonInput("id", "pom.xml#catalogue",
                RegressionMetric.PERFORMANCE_SCORE, around(100, 10), around(80, 10), "commit abc1234"));
        assertEquals(RegressionOutcome.REGRESSED, result.outcome());
        assertTrue(result.message().endsWith("mvn perfgate:baseline"
                + " -Dperfgate.accept=\"pom.xml#catalogue:performance score\" -Dperfgate.reason=\"...\""),
                result.message());
        assertEquals("OrderTest#create:p95", RegressionDetector.shellWord("OrderTest#create:p95"));
        assertEquals("\"OrderTest#create[2]:p95\"", RegressionDetector.shellWord("OrderTest#create[2]:p95"));
    }

    @Test
    void theSameDistributionIsUnchanged() {
        MetricComparison result = detector.compare(input(RegressionMetric.P95, around(100e6, 10), around(100e6, 10)));
        assertEquals(RegressionOutcome.UNCHANGED, result.outcome());
        assertTrue(result.message().startsWith("p95 +0% [-"), result.message());
        assertTrue(result.message().contains("is within the allowed +20%"), result.message());
    }

    @Test
    void aClearSpeedUpIsReportedAsAnImprovementNeverAFailure() {
        MetricComparison result = detector.compare(input(RegressionMetric.P50, around(100e6, 10), around(70e6, 10)));
        assertEquals(RegressionOutcome.IMPROVED, result.outcome());
        assertTrue(result.message().startsWith("p50 -30% ["), result.message());
    }

    @Test
    void aChangeNearTheAllowedOneIsInconclusiveAndAsksForMoreReplicates() {
        MetricComparison result = detector.compare(input(RegressionMetric.P95, around(100e6, 6), around(120e6, 6)));
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertTrue(result.suggestedReplicates() > 6 && result.suggestedReplicates() <= 40, result.message());
        assertTrue(result.message().contains("cannot be told from the allowed +20%"), result.message());
        assertTrue(result.message().contains("about " + result.suggestedReplicates() + " a side"), result.message());
    }

    @Test
    void atTheCapAnUndecidedComparisonStaysInconclusiveWithoutAskingForMore() {
        ComparisonInput atCap = new ComparisonInput("id", "OrderTest#create", RegressionMetric.P95,
                around(100e6, 6), around(120e6, 6), "commit abc1234", List.of(), true);
        MetricComparison result = detector.compare(atCap);
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertEquals(0, result.suggestedReplicates());
        assertTrue(result.message().contains("still undecided at the cap of 40 replicates"), result.message());
    }

    @Test
    void throughputRegressesWhenItFalls() {
        MetricComparison fell = detector.compare(input(RegressionMetric.THROUGHPUT, around(1000, 10), around(700, 10)));
        assertEquals(RegressionOutcome.REGRESSED, fell.outcome());
        assertTrue(fell.message().startsWith("throughput -30% [-"), fell.message());
        assertTrue(fell.message().contains("exceeds the allowed -10%"), fell.message());
        MetricComparison rose = detector.compare(input(RegressionMetric.THROUGHPUT, around(1000, 10), around(1300, 10)));
        assertEquals(RegressionOutcome.IMPROVED, rose.outcome());
    }

    @Test
    void anUnfairComparisonIsInconclusiveAndSaysWhy() {
        ComparisonInput unfair = new ComparisonInput("id", "OrderTest#create", RegressionMetric.P95,
                around(100e6, 10), around(131e6, 10), "commit abc1234",
                List.of("a coverage agent (-javaagent:/m2/jacocoagent.jar)"), false);
        MetricComparison result = detector.compare(unfair);
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertTrue(result.message().contains("is not a fair comparison: a coverage agent"), result.message());
    }

    @Test
    void twoReplicatesASideCannotBoundTheChange() {
        MetricComparison result = detector.compare(input(RegressionMetric.P95, around(100e6, 2), around(200e6, 2)));
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertTrue(result.message().contains("record at least 3 replicates a side"), result.message());
    }

    @Test
    void noReplicatesIsNeverAPass() {
        MetricComparison result = detector.compare(input(RegressionMetric.P95, around(100e6, 10), new double[0]));
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertTrue(result.message().contains("the current run has no usable replicate value"), result.message());
    }

    @Test
    void nanReplicatesInTheBaselineBlameTheBaseline() {
        double[] corrupt = around(100e6, 10);
        corrupt[3] = Double.NaN;
        MetricComparison result = detector.compare(input(RegressionMetric.P95, corrupt, around(100e6, 10)));
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome());
        assertTrue(result.message().contains("the baseline has no usable replicate value"), result.message());
        assertFalse(result.message().contains("current run"), result.message());

        MetricComparison both = detector.compare(input(RegressionMetric.P95, corrupt, new double[] {Double.NaN}));
        assertTrue(both.message().contains("the baseline and the current run have no usable replicate value"),
                both.message());
    }

    @Test
    void acrossAHundredComparisonsFiveReplicatesCanNeverBeSignificant() {
        List<ComparisonInput> inputs = new ArrayList<>();
        inputs.add(input(RegressionMetric.P95, around(100e6, 5), around(200e6, 5)));
        for (int i = 0; i < 99; i++) {
            inputs.add(new ComparisonInput("id" + i, "T" + i + "#m", RegressionMetric.P50, around(1e6, 5),
                    around(1e6, 5), "commit abc1234"));
        }
        MetricComparison doubled = detector.compare(inputs).get(0);
        // 1 / C(10, 5) = 0.004 > 0.05 / 100: the interval lies beyond +20 % but the suite-wide test cannot agree
        assertEquals(RegressionOutcome.INCONCLUSIVE, doubled.outcome());
        assertEquals(100, doubled.comparisons());
        assertTrue(doubled.message().contains("is not significant across the suite"), doubled.message());
        assertTrue(doubled.suggestedReplicates() >= 7, doubled.message());
        // with 7 a side it can
        inputs.set(0, input(RegressionMetric.P95, around(100e6, 7), around(200e6, 7)));
        assertEquals(RegressionOutcome.REGRESSED, detector.compare(inputs).get(0).outcome());
    }

    @Test
    void noisyReplicatesWithoutChangeAreNotRegressions() {
        SplittableRandom random = new SplittableRandom(7);
        int alarms = 0;
        for (int t = 0; t < 500; t++) {
            double[] baseline = new double[10];
            double[] current = new double[10];
            for (int i = 0; i < 10; i++) {
                baseline[i] = 1e6 * Math.exp(0.05 * random.nextGaussian());
                current[i] = 1e6 * Math.exp(0.05 * random.nextGaussian());
            }
            alarms += detector.compare(input(RegressionMetric.P50, baseline, current)).outcome()
                    == RegressionOutcome.REGRESSED ? 1 : 0;
        }
        assertEquals(0, alarms, "5% noise must not look like a 10% regression");
    }

    @Test
    void allowedChangesAreConfigurableGloballyAndPerTest() {
        RegressionPolicy policy = RegressionPolicy.defaults()
                .withAllowed("p95=+10%, OrderTest#create:p99=+80%, throughput=-5%", "perfgate.regression.allowed");
        assertEquals(0.10, policy.allowedFor("Any#test", RegressionMetric.P95).fraction(), 1e-12);
        assertEquals(0.80, policy.allowedFor("OrderTest#create", RegressionMetric.P99).fraction(), 1e-12);
        assertEquals(0.50, policy.allowedFor("Other#test", RegressionMetric.P99).fraction(), 1e-12);
        assertEquals(0.05, policy.allowedFor("Any#test", RegressionMetric.THROUGHPUT).fraction(), 1e-12);
        assertEquals(0.20, RegressionPolicy.defaults().allowedFor("Any#test", RegressionMetric.P95).fraction(), 1e-12);
        MetricComparison stricter = new RegressionDetector(policy)
                .compare(input(RegressionMetric.P95, around(100e6, 10), around(118e6, 10)));
        assertEquals(RegressionOutcome.REGRESSED, stricter.outcome());
        assertTrue(stricter.message().contains("exceeds the allowed +10%"), stricter.message());
    }

    @Test
    void badAllowedChangesAreRejectedNamingTheSetting() {
        RegressionPolicy policy = RegressionPolicy.defaults();
        InvalidGateException wrongWay = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("throughput=+10%", "perfgate.regression.allowed"));
        assertEquals("perfgate.regression.allowed (throughput): '+10%' allows an increase, but this metric gets worse"
                + " when it falls; write -10%", wrongWay.getMessage());
        InvalidGateException unknown = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("p101=+10%", "perfgate.regression.allowed"));
        assertTrue(unknown.getMessage().contains("no regression metric 'p101'"), unknown.getMessage());
        InvalidGateException unreadable = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("p95=twenty", "perfgate.regression.allowed"));
        assertTrue(unreadable.getMessage().contains("cannot read allowed change 'twenty'"), unreadable.getMessage());
        assertThrows(InvalidGateException.class, () -> policy.withAllowed("p95", "perfgate.regression.allowed"));
        assertThrows(InvalidGateException.class, () -> policy.withAllowed("p95=-10%", "x"));
    }
}
