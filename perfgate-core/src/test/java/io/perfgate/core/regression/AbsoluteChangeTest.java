package io.perfgate.core.regression;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CLS and TBT are often 0: their change is a difference in their unit, allowed up to an absolute amount. */
class AbsoluteChangeTest {
    private static final double MS = 1e6;
    private final RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());

    /** Five Lighthouse runs spread by {@code step} around {@code center}. */
    private static double[] runs(double center, double step) {
        return new double[] {center - 2 * step, center - step, center, center + step, center + 2 * step};
    }

    private static ComparisonInput input(RegressionMetric metric, double[] baseline, double[] current) {
        return new ComparisonInput("id", "home", metric, baseline, current, "commit abc1234");
    }

    @Test
    void clsAndTbtAreComparedOnAnAbsoluteScale() {
        assertTrue(RegressionMetric.CLS.absolute());
        assertTrue(RegressionMetric.TBT.absolute());
        assertFalse(RegressionMetric.LCP.absolute());
        assertEquals("+0.05", RegressionMetric.CLS.defaultAllowedChange().format(RegressionMetric.CLS.direction()));
        assertEquals("+100 ms", RegressionMetric.TBT.defaultAllowedChange().format(RegressionMetric.TBT.direction()));
        assertEquals(RegressionMetric.CLS, RegressionMetric.fromLabel("cls", "test"));
        assertEquals(RegressionMetric.TBT, RegressionMetric.fromLabel("TBT", "test"));
    }

    @Test
    void aLayoutShiftOfZeroOnBothSidesIsUnchanged() {
        MetricComparison result = detector.compare(input(RegressionMetric.CLS, new double[5], new double[5]));
        assertEquals(RegressionOutcome.UNCHANGED, result.outcome(), result.message());
        assertEquals(0, result.difference());
        assertTrue(Double.isNaN(result.ratio()), "no ratio of two zeros");
        assertTrue(result.message().startsWith("CLS +0 [+0, +0] vs baseline (commit abc1234) is within the allowed"
                + " +0.05 (home, 5 vs 5 replicates, p = 1.0000)"), result.message());
    }

    @Test
    void aLayoutShiftFromAHundredthToNineHundredthsRegressesWithTheDifferenceInTheMessage() {
        MetricComparison result = detector.compare(input(RegressionMetric.CLS, runs(0.01, 0.001), runs(0.09, 0.001)));
        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
        assertEquals(0.08, result.difference(), 1e-12);
        assertTrue(result.lowerDifference() > 0.05 && result.upperDifference() < 0.09, result.message());
        assertTrue(result.message().startsWith("CLS +0.08 [+0.078, +0.082] vs baseline (commit abc1234) exceeds the"
                + " allowed +0.05 (home, 5 vs 5 replicates, p = 0.0040)"), result.message());
        assertTrue(result.message().contains("mvn perfgate:baseline -Dperfgate.accept=home:CLS"), result.message());
        assertEquals("+0.08", result.formattedChange());
        assertEquals("[+0.078, +0.082]", result.formattedInterval());
        assertEquals("+0.05", result.formattedAllowed());
    }

    @Test
    void aSignificantShiftWithinTheAllowanceIsNoRegression() {
        MetricComparison result = detector.compare(input(RegressionMetric.CLS, runs(0.01, 0.001), runs(0.03, 0.001)));
        assertEquals(RegressionOutcome.UNCHANGED, result.outcome(), result.message());
        assertTrue(result.adjustedPValue() <= 0.05, "the shift is real, only small");
        assertTrue(result.message().startsWith("CLS +0.02 [+0.018, +0.022] vs baseline (commit abc1234) is within"
                + " the allowed +0.05"), result.message());
    }

    @Test
    void blockingTimeFromTwentyToTwoHundredEightyMillisecondsRegresses() {
        MetricComparison result = detector.compare(input(RegressionMetric.TBT, runs(20 * MS, 2 * MS),
                runs(280 * MS, 2 * MS)));
        assertEquals(RegressionOutcome.REGRESSED, result.outcome(), result.message());
        assertEquals(260 * MS, result.difference(), 1e-3);
        assertTrue(result.message().startsWith("TBT +260 ms [+256 ms, +264 ms] vs baseline (commit abc1234) exceeds"
                + " the allowed +100 ms (home"), result.message());
        assertTrue(result.message().contains("-Dperfgate.accept=home:TBT"), result.message());
    }

    @Test
    void lessBlockingTimeBeyondTheAllowanceIsAnImprovement() {
        MetricComparison result = detector.compare(input(RegressionMetric.TBT, runs(280 * MS, 2 * MS),
                runs(20 * MS, 2 * MS)));
        assertEquals(RegressionOutcome.IMPROVED, result.outcome(), result.message());
        assertTrue(result.message().startsWith("TBT -260 ms ["), result.message());
    }

    @Test
    void anIntervalAcrossTheAllowanceIsInconclusive() {
        MetricComparison result = detector.compare(input(RegressionMetric.CLS, runs(0.01, 0.01), runs(0.06, 0.01)));
        assertEquals(RegressionOutcome.INCONCLUSIVE, result.outcome(), result.message());
        assertEquals(Undecided.STRADDLES, result.undecided());
        assertTrue(result.message().contains("cannot be told from the allowed +0.05"), result.message());
    }

    @Test
    void absoluteAndRelativeMetricsShareOneCorrection() {
        List<MetricComparison> results = detector.compare(List.of(
                input(RegressionMetric.CLS, runs(0.01, 0.001), runs(0.09, 0.001)),
                input(RegressionMetric.TBT, runs(20 * MS, 2 * MS), runs(280 * MS, 2 * MS)),
                input(RegressionMetric.LCP, runs(1000 * MS, 10 * MS), runs(1000 * MS, 10 * MS))));
        assertEquals(3, results.get(0).comparisons());
        assertEquals(0.0040 * 3, results.get(0).adjustedPValue(), 1e-3, "Holm over all three");
        assertTrue(results.get(0).message().contains("after Holm over 3 comparisons"), results.get(0).message());
        assertEquals(RegressionOutcome.REGRESSED, results.get(1).outcome());
        assertEquals(RegressionOutcome.UNCHANGED, results.get(2).outcome());
        assertTrue(results.get(2).message().startsWith("LCP +0% ["), "LCP stays relative");
    }

    @Test
    void runToRunVariationOfAnAbsoluteMetricIsInItsUnitAndWidensTheInterval() {
        double[] baseline = runs(20 * MS, 2 * MS);
        double[] current = runs(280 * MS, 2 * MS);
        MetricComparison narrow = detector.compare(input(RegressionMetric.TBT, baseline, current));
        MetricComparison widened = detector.compare(new ComparisonInput("id", "home", RegressionMetric.TBT, baseline,
                current, "commit abc1234", List.of(), false, 50 * MS));
        assertTrue(widened.lowerDifference() < narrow.lowerDifference() - 50 * MS, widened.message());
        assertTrue(widened.message().contains("run-to-run variation 50 ms from the history"), widened.message());

        List<double[]> history = List.of(new double[] {0, 0, 0}, new double[] {0, 0, 0}, new double[] {0, 0, 0},
                new double[] {0, 0, 0}, new double[] {0, 0, 0});
        assertEquals(0, RunToRunNoise.sd(history, RegressionMetric.CLS), "zeros vary by nothing; no log(0)");
        assertTrue(Double.isNaN(RunToRunNoise.sd(history, RegressionMetric.LCP)), "LCP needs positive values");
    }

    @Test
    void aBoundEqualToTheAllowanceInPrintGetsTheDigitsThatTellThemApart() {
        assertEquals("[+100.3 ms, +120 ms]", ChangeText.interval(RegressionMetric.TBT, 100.3 * MS, 120 * MS, 100 * MS));
        assertEquals("[+0.04996, +0.06]", ChangeText.interval(RegressionMetric.CLS, 0.04996, 0.06, 0.05));
        assertEquals("[+0.05, +0.06]", ChangeText.interval(RegressionMetric.CLS, 0.05, 0.06, 0.05));
    }

    @Test
    void absoluteAllowancesAreSetInTheMetricsUnit() {
        RegressionPolicy policy = RegressionPolicy.defaults()
                .withAllowed("cls=+0.02, tbt=+50ms, home:tbt=+250ms, p95=+15%", "perfgate.regression.allowed");
        assertEquals(AllowedChange.absolute(0.02, QuantityKind.UNITLESS),
                policy.allowedFor("any", RegressionMetric.CLS));
        assertEquals(AllowedChange.absolute(50 * MS, QuantityKind.DURATION),
                policy.allowedFor("any", RegressionMetric.TBT));
        assertEquals(250 * MS, policy.allowedFor("home", RegressionMetric.TBT).amount(), 1e-3);
        assertEquals(0.15, policy.allowedFor("any", RegressionMetric.P95).fraction(), 1e-12);

        MetricComparison regressed = new RegressionDetector(policy).compare(input(RegressionMetric.CLS,
                runs(0.01, 0.001), runs(0.04, 0.001)));
        assertEquals(RegressionOutcome.REGRESSED, regressed.outcome(), "+0.03 exceeds a configured +0.02");
        assertTrue(regressed.message().contains("exceeds the allowed +0.02"), regressed.message());
    }

    @Test
    void aTestLabelWithACommaInItsParametersIsOneEntry() {
        // the allow-hints perfgate prints name such tests: a JMH @Param set, a JUnit method's parameter types
        RegressionPolicy policy = RegressionPolicy.defaults().withAllowed("p95=+15%, CodecBench#encode [size=10,"
                + " codec=json]:score=-51%, OrderTest#create(int, String) [[2] a, b]:p99=+80%",
                "perfgate.regression.allowed");

        assertEquals(0.15, policy.allowedFor("any", RegressionMetric.P95).fraction(), 1e-12);
        assertEquals(0.51, policy.allowedFor("CodecBench#encode [size=10, codec=json]", RegressionMetric.SCORE_RATE)
                .fraction(), 1e-12);
        assertEquals(0.80, policy.allowedFor("OrderTest#create(int, String) [[2] a, b]", RegressionMetric.P99)
                .fraction(), 1e-12);
        assertEquals(List.of("a[b,(c,d)]", " e"), RegressionPolicy.entries("a[b,(c,d)], e"));
        assertEquals(List.of("x]", "y"), RegressionPolicy.entries("x],y"), "an unmatched bracket is no nesting");
    }

    @Test
    void aPercentageForAnAbsoluteMetricAndAnAmountForARelativeOneAreRejected() {
        RegressionPolicy policy = RegressionPolicy.defaults();
        InvalidGateException percentForCls = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("cls=+5%", "perfgate.regression.allowed"));
        assertEquals("perfgate.regression.allowed (cls): '+5%' is a percentage, but CLS is often 0, where a relative"
                + " change means nothing, so its allowed change is absolute: write an amount in its unit such as +0.05",
                percentForCls.getMessage());
        InvalidGateException percentForTbt = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("home:tbt=+10%", "perfgate.regression.allowed"));
        assertTrue(percentForTbt.getMessage().startsWith("perfgate.regression.allowed (home:tbt): '+10%'"),
                percentForTbt.getMessage());
        assertTrue(percentForTbt.getMessage().endsWith("such as +100ms"), percentForTbt.getMessage());
        InvalidGateException amountForP95 = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("p95=+100ms", "perfgate.regression.allowed"));
        assertEquals("perfgate.regression.allowed (p95): cannot read allowed change '+100ms'; p95 changes are"
                + " relative: write a percentage such as +20%", amountForP95.getMessage());
        InvalidGateException noUnit = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("tbt=+100", "perfgate.regression.allowed"));
        assertTrue(noUnit.getMessage().contains("expected a duration such as"), noUnit.getMessage());
        InvalidGateException decrease = assertThrows(InvalidGateException.class,
                () -> policy.withAllowed("cls=-0.05", "perfgate.regression.allowed"));
        assertTrue(decrease.getMessage().endsWith("write +0.05"), decrease.getMessage());
        InvalidGateException wrongScale = assertThrows(InvalidGateException.class,
                () -> new RegressionPolicy(0.95, 0.05, Correction.HOLM,
                        Map.of(RegressionMetric.CLS, new AllowedChange(0.10)), null, 40));
        assertTrue(wrongScale.getMessage().contains("CLS must be absolute, such as +0.05"), wrongScale.getMessage());
        InvalidGateException wrongUnit = assertThrows(InvalidGateException.class,
                () -> new RegressionPolicy(0.95, 0.05, Correction.HOLM,
                        Map.of(RegressionMetric.CLS, AllowedChange.absolute(5e6, QuantityKind.DURATION)), null, 40));
        assertTrue(wrongUnit.getMessage().contains("CLS must be absolute, such as +0.05; got +5 ms"),
                wrongUnit.getMessage());
    }

    @Test
    void theChartLimitIsTheBaselinePlusTheAmount() {
        assertEquals(0.06, AllowedChange.absolute(0.05, QuantityKind.UNITLESS)
                .limit(0.01, RegressionMetric.CLS.direction()), 1e-12);
        assertEquals(120, new AllowedChange(0.2).limit(100, RegressionMetric.P95.direction()), 1e-9);
    }
}
