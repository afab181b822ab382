package io.perfgate.core.check;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;

import java.util.List;

/**
 * The verdict on one declared gate: the worst of its metrics, or FAIL with a problem when the
 * declaration itself is unusable.
 *
 * @param implicit            true for the gate perfgate adds itself (no errors allowed without {@code @ErrorRateGate})
 * @param inconclusiveAllowed whether INCONCLUSIVE passes: declared {@code allowInconclusive}, or the evaluator's
 *                            {@code failOnInconclusive = false}
 * @param problem  why the gate could not be judged at all (an invalid bound, a missing result); null otherwise
 * @param waivers  the waivers that excused (or, expired, no longer excuse) a violation of this gate's metrics
 */
public record GateOutcome(
        GateDeclaration declaration,
        boolean implicit,
        boolean inconclusiveAllowed,
        Verdict verdict,
        List<MetricOutcome> metrics,
        String problem,
        List<Waived> waivers) {

    public GateOutcome {
        metrics = List.copyOf(metrics);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /** An outcome no waiver has touched. */
    public GateOutcome(GateDeclaration declaration, boolean implicit, boolean inconclusiveAllowed, Verdict verdict,
                       List<MetricOutcome> metrics, String problem) {
        this(declaration, implicit, inconclusiveAllowed, verdict, metrics, problem, List.of());
    }

    public Level level() {
        return declaration.level();
    }

    /** The gate's type; empty for a declaration naming no gate perfgate knows. */
    public java.util.Optional<GateType> type() {
        return declaration.type();
    }

    /** Whether this outcome fails the build: a BLOCKING gate that FAILed, or was INCONCLUSIVE without leave. */
    public boolean blocks() {
        return declaration.level() == Level.BLOCKING && blocking(verdict);
    }

    /** Whether one of this gate's metrics is what makes it fail the build. */
    public boolean blocks(MetricOutcome metric) {
        return blocks() && blocking(metric.verdict());
    }

    private boolean blocking(Verdict judged) {
        return judged == Verdict.FAIL || (judged == Verdict.INCONCLUSIVE && !inconclusiveAllowed);
    }

    /** Whether a violation is to be reported (beyond its target, threshold, or without a verdict). */
    public boolean violated() {
        return verdict.isViolation();
    }

    /** The messages of the metrics that are not PASS, or the problem. */
    public List<String> violationMessages() {
        if (problem != null) {
            return List.of(problem);
        }
        return metrics.stream()
                .filter(metric -> metric.verdict() != Verdict.PASS && metric.verdict() != Verdict.SKIPPED)
                .map(MetricOutcome::message)
                .toList();
    }

    /**
     * One message per violation that fails the build: the problem of a gate that could not be judged, else
     * each metric that FAILed or (without leave) was INCONCLUSIVE. Empty when the gate does not block.
     */
    public List<String> blockingMessages() {
        if (!blocks()) {
            return List.of();
        }
        if (problem != null || metrics.isEmpty()) {
            return List.of(problem != null ? problem : verdict.name());
        }
        return metrics.stream()
                .filter(this::blocks)
                .map(MetricOutcome::message)
                .toList();
    }

    /**
     * The violation messages as {@code check} prints them and an IDE run fails with, each opened by the verdict
     * and the gate: {@code [FAIL] @LatencyGate: p95 = 5.2 ms exceeds the threshold 1 ms (SlowTest#sleeps, 200
     * samples, report: ...)}. A gate that could not be judged carries its problem, which names the annotation itself.
     */
    public List<String> violationLines() {
        String opening = "[" + verdict + "] ";
        if (problem != null) {
            return List.of(opening + problem);
        }
        String title = implicit ? "no exception allowed (no @ErrorRateGate declared)" : title();
        if (level() != Level.BLOCKING) {
            title += " (level " + level() + ")";
        }
        String prefix = opening + title + ": ";
        return violationMessages().stream().map(message -> prefix + message).toList();
    }

    /** {@code @LatencyGate}, with the endpoint for scoped gates. */
    public String title() {
        String title = "@" + declaration.gate();
        return declaration.scope() == null ? title : title + " [" + declaration.scope() + "]";
    }
}
