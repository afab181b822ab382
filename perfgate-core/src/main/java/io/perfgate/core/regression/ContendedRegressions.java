package io.perfgate.core.regression;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Measurement;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns a REGRESSED wall-time comparison that a busy machine could explain into INCONCLUSIVE, naming the figures
 * (docs/contention.md):
 * <ul>
 *   <li>when the test's cap ran out before its planned rounds were measured cleanly (its data is short and
 *       distorted), or a JMH benchmark's iterations waited beyond the share allowed;</li>
 *   <li>when its measuring threads waited for a CPU {@link #HIGH_WAIT_SHARE} or more of the time, or rounds were
 *       discarded for it, its CPU time per invocation did not regress, and the change is no more than that wait
 *       can cause (a share w of the time waiting makes a wall time up to 1 / (1 - w) as long): the code costs what
 *       it cost, the machine was busier. A change beyond that is off the CPU (a sleep, I/O, a lock) and stands.</li>
 * </ul>
 * It never turns anything into a regression, and leaves CPU time's own comparison alone.
 */
public final class ContendedRegressions {
    /** A wait share of the kept rounds from which wall-time changes of the allowed size (10 %) can be the machine's. */
    public static final double HIGH_WAIT_SHARE = 0.05;
    private static final Set<RegressionMetric> WALL_TIME = Set.of(RegressionMetric.P50, RegressionMetric.P90,
            RegressionMetric.P95, RegressionMetric.P99, RegressionMetric.MEAN, RegressionMetric.THROUGHPUT,
            RegressionMetric.SCORE_TIME, RegressionMetric.SCORE_RATE);

    private final Map<String, Contention> contentionByTest = new HashMap<>();
    private final Map<String, CpuChange> cpuByTest = new HashMap<>();

    /** CPU time per invocation, medians of the baseline's and this run's rounds. */
    record CpuChange(double baseline, double current) {
        double ratio() {
            return current / baseline;
        }
    }

    /**
     * Notes what one compared unit measured.
     *
     * @param baselineCpu the baseline's CPU time per invocation per round; null or empty when it has none
     * @param currentCpu  this run's; null when not measured
     */
    public void note(String testId, Measurement measurement, double[] baselineCpu, Replicates currentCpu) {
        if (measurement != null && measurement.contention() != null) {
            contentionByTest.put(testId, measurement.contention());
        }
        if (baselineCpu != null && baselineCpu.length > 0 && currentCpu != null && currentCpu.usable()) {
            cpuByTest.put(testId, new CpuChange(RegressionDetector.median(baselineCpu),
                    RegressionDetector.median(currentCpu.values())));
        }
    }

    /** The comparison, or INCONCLUSIVE with the contention figures when the machine could explain its regression. */
    public MetricComparison review(MetricComparison comparison) {
        if (comparison.outcome() != RegressionOutcome.REGRESSED || !WALL_TIME.contains(comparison.metric())) {
            return comparison;
        }
        Contention contention = contentionByTest.get(comparison.testId());
        if (contention == null) {
            return comparison;
        }
        String change = comparison.metric().label() + " " + comparison.formattedChange() + " "
                + comparison.formattedInterval() + " vs baseline";
        if (contention.unresolved()) {
            return inconclusive(comparison, change + " cannot be trusted: " + contention.waitText() + "; " + FIX);
        }
        // the judged data waited that share (a test's kept rounds, a benchmark's iterations)
        OptionalDouble waitingAdds = waitingCanAdd(comparison.metric(), contention.keptWaitShare());
        if (waitingAdds.isPresent() && beyondWaiting(comparison, waitingAdds.getAsDouble())) {
            return comparison; // more than waiting for a CPU can add: a change off the CPU (a sleep, I/O, a lock)
        }
        String reach = waitingAdds.isEmpty() ? ""
                : ", which can make it up to " + ChangeText.ofRatio(waitingAdds.getAsDouble()) + " slower";
        if (contention.beyondAllowed()) {
            return inconclusive(comparison, change + " cannot be trusted: " + contention.waitText() + reach + "; "
                    + FIX);
        }
        CpuChange cpu = cpuByTest.get(comparison.testId());
        boolean busy = contention.reportedWaitShare() >= HIGH_WAIT_SHARE || contention.discardedRounds() > 0;
        double allowed = RegressionMetric.CPU_MEAN.defaultAllowedChange().fraction();
        if (!busy || cpu == null || !(cpu.ratio() <= 1 + allowed)) {
            return comparison;
        }
        return inconclusive(comparison, change + ", but CPU time per invocation changed only "
                + ChangeText.ofRatio(cpu.ratio()) + " (" + QuantityKind.DURATION.format(cpu.current()) + " vs "
                + QuantityKind.DURATION.format(cpu.baseline()) + ") while " + contention.waitText() + reach
                + ": the busy machine, not the code, may explain it; " + FIX);
    }

    /**
     * How much longer waiting a share w of the time can make the metric, where that has a bound: the total time
     * (a mean, a throughput, a JMH score) up to 1 / (1 - w); the median up to 1 + 2w / (1 - w), since a wait that
     * moves it must fall on at least half the invocations, at most twice the average each. A tail percentile has no
     * such bound: a few time slices of waiting land on a few invocations.
     */
    static OptionalDouble waitingCanAdd(RegressionMetric metric, double waitShare) {
        double wait = Math.min(Contention.MAX_EXPLAINED_WAIT, waitShare);
        return switch (metric) {
            case MEAN, THROUGHPUT, SCORE_TIME, SCORE_RATE -> OptionalDouble.of(Contention.stretchOfTotalTime(wait));
            case P50 -> OptionalDouble.of(1 + 2 * wait / (1 - wait));
            default -> OptionalDouble.empty();
        };
    }

    /**
     * Whether even the smallest change the interval allows is more than waiting could cause: a time per invocation
     * that waited a share w of its wall time would take 1 - w of it on an idle machine, a throughput 1 / (1 - w)
     * times as much work.
     *
     * @param waitingAdds how much longer waiting can make the metric ({@link #waitingCanAdd})
     */
    private static boolean beyondWaiting(MetricComparison comparison, double waitingAdds) {
        return comparison.metric().direction() == Direction.HIGHER_IS_BETTER
                ? comparison.upperRatio() * waitingAdds < 1 : comparison.lowerRatio() > waitingAdds;
    }

    private static final String FIX = Contention.RERUN_FIX;

    private static MetricComparison inconclusive(MetricComparison c, String message) {
        return new MetricComparison(c.testId(), c.testLabel(), c.metric(), c.allowed(), RegressionOutcome.INCONCLUSIVE,
                c.baselineReplicates(), c.currentReplicates(), c.baselineValue(), c.currentValue(), c.change(),
                c.lowerChange(), c.upperChange(), c.pValue(), c.adjustedPValue(), c.comparisons(), c.baselineRef(),
                c.unfairBecause(), c.runToRunSd(), c.suggestedReplicates(), Undecided.CONTENTION,
                message + " (" + c.testLabel() + ")");
    }
}
