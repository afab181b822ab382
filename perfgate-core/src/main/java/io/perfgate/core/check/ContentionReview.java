package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Measurement;

/**
 * The contention rule at judgement (docs/contention.md): when a test's cap ran out before its planned rounds were
 * measured cleanly, its wall-time verdicts (latency and throughput) rest on short data and a busy machine may
 * explain a violation. Then a verdict stays PASS only when the data with the discarded rounds passes too; every
 * other verdict becomes INCONCLUSIVE, naming the CPU wait and what to do. With no clean round at all, the error
 * rate is judged on the discarded rounds too (none of which threw). CPU-time metrics are left alone: a thread
 * waiting for a CPU uses none. A JMH benchmark measures no iteration again: when its iterations' threads waited
 * beyond the share on average, a wall-time FAIL becomes INCONCLUSIVE; for a mean time per operation or a
 * throughput only when the score with that wait taken out would pass, and beyond what the wait can explain the
 * FAIL stands. Percentiles have no such bound: a few slices of waiting land on a few operations.
 */
final class ContentionReview {
    static final String FIX = Contention.RERUN_FIX;

    private ContentionReview() {
    }

    /** Whether the rule applies to this metric of this measurement. */
    static boolean applies(Measurement measurement, Metric metric) {
        Contention contention = measurement.contention();
        if (contention == null || !contention.unresolved()) {
            return false;
        }
        return switch (metric.gateType()) {
            case LATENCY -> !metric.cpuTime();
            case THROUGHPUT -> true;
            case ERROR_RATE -> measurement.invocations() == 0;
            default -> false;
        };
    }

    /**
     * Whether the judged data itself waited beyond the share allowed (a JMH benchmark's iterations, which are all
     * kept) and the metric is a wall time: then a FAIL may be the machine's, and a PASS holds.
     */
    private static boolean waitedBeyondAllowed(Measurement measurement, Metric metric) {
        Contention contention = measurement.contention();
        return contention != null && contention.beyondAllowed()
                && (metric.gateType() == GateType.THROUGHPUT
                || metric.gateType() == GateType.LATENCY && !metric.cpuTime());
    }

    /** Whether waiting can stretch the metric by at most 1 / (1 - wait): a total over all operations can, a tail not. */
    private static boolean waitBoundsTheScore(Metric metric) {
        return metric == Metric.LATENCY_MEAN || metric == Metric.THROUGHPUT;
    }

    /**
     * The score nearest the bound that its error interval allows, with the threads' wait taken out: waiting for a
     * CPU stretches a time per operation by 1 / (1 - wait) and shrinks a throughput by (1 - wait), no more.
     */
    private static double withoutWait(Metric metric, MetricOutcome judged, double waitShare) {
        double stretch = Contention.stretchOfTotalTime(waitShare);
        if (metric.direction() == Direction.LOWER_IS_BETTER) {
            return (judged.lower() != null ? judged.lower() : judged.value()) / stretch;
        }
        return (judged.upper() != null ? judged.upper() : judged.value()) * stretch;
    }

    /** The measurement as if the discarded rounds had been kept: their samples, invocations and time added. */
    private static Measurement includingDiscarded(Subject subject, Measurement measurement) {
        Contention contention = measurement.contention();
        LatencyHistogram all = subject.histogram(measurement.latencyHistogram(), "latency");
        LatencyHistogram discarded = subject.histogram(contention.discardedLatencyHistogram(),
                "discarded rounds' latency");
        all.add(discarded);
        return new Measurement(measurement.invocations() + discarded.count(), measurement.errors(),
                measurement.errorsByKind(), measurement.firstError(),
                measurement.durationNanos() + contention.discardedDurationNanos(), all.encode(), measurement.memory(),
                measurement.behindSchedule(), measurement.rounds(), measurement.database(), contention,
                measurement.cpu(), measurement.profile());
    }

    /**
     * @param judged the verdict on the kept rounds
     * @param judge  judges the same metric on the kept and discarded rounds together
     */
    static MetricOutcome review(Subject subject, Metric metric, Bound bound, MetricOutcome judged, GateJudge judge) {
        Measurement measurement = subject.measurement();
        if (judged.verdict() == Verdict.FAIL && judged.value() != null && waitedBeyondAllowed(measurement, metric)) {
            if (waitBoundsTheScore(metric)) {
                double atBest = withoutWait(metric, judged, measurement.contention().keptWaitShare());
                if (bound.judge(atBest, metric.direction()) == Verdict.FAIL) {
                    return Wording.outcome(metric, bound, Verdict.FAIL, judged.value(), judged.samples(),
                            judged.lower(), judged.upper(), Wording.measured(metric, judged.value()) + " "
                                    + Wording.comparison(metric, bound, Verdict.FAIL) + " even with the CPU wait taken"
                                    + " out (" + metric.kind().format(atBest) + " at best): "
                                    + measurement.contention().waitText() + subject.context(judged.samples()));
                }
            }
            return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, judged.value(), judged.samples(),
                    judged.lower(), judged.upper(), Wording.measured(metric, judged.value()) + " against "
                            + bound.text() + " has no verdict: " + measurement.contention().waitText() + "; " + FIX
                            + subject.context(judged.samples()));
        }
        if (!applies(measurement, metric)) {
            return judged;
        }
        Contention contention = measurement.contention();
        Subject withDistorted = new Subject(subject.result(), subject.label(), includingDiscarded(subject, measurement),
                subject.endpoint(), subject.reportLocation());
        MetricOutcome onAll = judge.judge(withDistorted, metric, bound);
        if (onAll.value() == null || judged.verdict() == Verdict.PASS && onAll.verdict() == Verdict.PASS) {
            return judged; // nothing measured at all stays what it was; a pass that even the distorted data keeps holds
        }
        if (judged.value() == null && onAll.verdict() == Verdict.PASS) {
            // no clean round: waiting only slows a body down, so distorted data within the bound is a pass
            return Wording.outcome(metric, bound, Verdict.PASS, onAll.value(), onAll.samples(), onAll.lower(),
                    onAll.upper(), Wording.measured(metric, onAll.value()) + " " + Wording.comparison(metric, bound,
                            Verdict.PASS) + " on rounds a busy machine distorted (" + contention.waitText() + ")"
                            + subject.context(onAll.samples()));
        }
        StringBuilder message = new StringBuilder();
        if (judged.value() != null) {
            message.append(Wording.measured(metric, judged.value())).append(" on the clean rounds");
            if (judged.verdict() == Verdict.PASS || judged.verdict() == Verdict.INCONCLUSIVE) {
                message.append(" and ").append(metric.kind().format(onAll.value())).append(" with the distorted ones");
            }
        } else {
            message.append(Wording.measured(metric, onAll.value())).append(" with the distorted rounds");
        }
        message.append(" against ").append(bound.text()).append(" has no verdict: ").append(contention.waitText())
                .append("; ").append(FIX);
        return Wording.outcome(metric, bound, Verdict.INCONCLUSIVE, judged.value() != null ? judged.value()
                        : onAll.value(), onAll.samples(), judged.lower(), judged.upper(),
                message + subject.context(onAll.samples()));
    }
}
