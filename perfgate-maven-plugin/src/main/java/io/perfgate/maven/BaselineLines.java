package io.perfgate.maven;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.gate.Level;
import io.perfgate.core.regression.DetectionLimit;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.regression.Undecided;
import io.perfgate.core.result.Contention;
import io.perfgate.maven.CheckSummary.Line;
import io.perfgate.maven.CheckSummary.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code check} prints about the comparison with the baseline. Regressions, improvements and baseline
 * problems get a line each; undecided comparisons are summarised (counts by reason, one example of each of
 * the commonest reasons), since a warning per metric that can never become a verdict teaches people to
 * ignore the tool. When the replicates cannot reach significance at all, one line says so with the fix.
 * Every comparison stays in the reports; {@code perfgate.regression.details} prints them all here too.
 */
final class BaselineLines {
    /** Undecided comparisons printed in full before they are summarised instead. */
    static final int EXAMPLES = 3;
    /** Notes printed before the rest are left to the report. */
    static final int NOTES = 3;

    private final BaselineComparison baseline;
    private final boolean details;

    BaselineLines(BaselineComparison baseline, boolean details) {
        this.baseline = baseline;
        this.details = details;
    }

    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        if (baseline == null) {
            return lines;
        }
        if (!baseline.storePresent() && baseline.problems().isEmpty()) {
            lines.add(new Line(Severity.INFO, "Baseline: none recorded yet; mvn verify perfgate:baseline records one"
                    + " (commit .perfgate/ to share it)"));
            return lines;
        }
        lines.add(new Line(Severity.INFO, "Baseline: " + baseline.comparisons().size() + " metrics compared, "
                + baseline.count(RegressionOutcome.REGRESSED) + " regressed, "
                + baseline.count(RegressionOutcome.INCONCLUSIVE) + " inconclusive, "
                + baseline.count(RegressionOutcome.UNCHANGED) + " unchanged, "
                + baseline.count(RegressionOutcome.IMPROVED) + " improved"));
        baseline.problems().forEach(problem -> lines.add(new Line(Severity.ERROR, "[BASELINE] " + problem)));
        DetectionLimit.Limit limit = baseline.limit();
        if (limit != null) {
            lines.add(new Line(Severity.WARN, limit.message()));
        }
        List<BaselineComparison.Compared> undecided = new ArrayList<>();
        Set<String> withoutCleanRound = new LinkedHashSet<>();
        for (BaselineComparison.Compared compared : baseline.comparisons()) {
            RegressionOutcome outcome = compared.comparison().outcome();
            String text = "[" + outcome + "] " + (compared.level() == Level.BLOCKING ? ""
                    : "(level " + compared.level() + ") ") + compared.message();
            if (compared.blocks()) {
                lines.add(new Line(Severity.ERROR, text));
            } else if (outcome == RegressionOutcome.INCONCLUSIVE && compared.warns()) {
                if (details) {
                    lines.add(new Line(Severity.WARN, text));
                } else if (compared.comparison().undecided() == Undecided.NO_CLEAN_ROUND) {
                    withoutCleanRound.add(compared.comparison().testLabel());
                } else if (limit == null || !limit.covers(compared.comparison())) {
                    undecided.add(compared);
                }
            } else if (compared.warns()) {
                lines.add(new Line(Severity.WARN, text));
            } else if (outcome == RegressionOutcome.IMPROVED
                    || (outcome != RegressionOutcome.UNCHANGED && compared.level() == Level.ADVISORY)) {
                lines.add(new Line(Severity.INFO, text));
            }
        }
        if (!withoutCleanRound.isEmpty()) {
            lines.add(new Line(Severity.WARN, "Baseline: " + withoutCleanRound.size()
                    + (withoutCleanRound.size() == 1 ? " test" : " tests") + " not compared, because every round"
                    + " waited for a CPU beyond the share allowed and was discarded: "
                    + String.join(", ", withoutCleanRound) + "; " + Contention.RERUN_FIX));
        }
        summarise(undecided, lines);
        Severity trendSeverity = switch (baseline.trendLevel()) {
            case BLOCKING -> Severity.ERROR;
            case WARNING -> Severity.WARN;
            case ADVISORY -> Severity.INFO;
        };
        baseline.trends().forEach(trend -> trend.alerts()
                .forEach(alert -> lines.add(new Line(trendSeverity, "[TREND] " + alert))));
        baseline.historyProblems().forEach(problem -> lines.add(new Line(Severity.WARN, "[HISTORY] " + problem)));
        List<String> notes = baseline.notes();
        int shown = details ? notes.size() : Math.min(NOTES, notes.size());
        notes.subList(0, shown).forEach(note -> lines.add(new Line(Severity.INFO, "Baseline: " + note)));
        if (shown < notes.size()) {
            lines.add(new Line(Severity.INFO, "Baseline: " + (notes.size() - shown) + " more notes in the report"
                    + " (or -Dperfgate.regression.details=true)"));
        }
        return lines;
    }

    /**
     * A few undecided comparisons are printed as they are; more become one line of counts by reason and
     * one example of each of the commonest reasons (a gated metric that could not be compared always shows).
     */
    private static void summarise(List<BaselineComparison.Compared> undecided, List<Line> lines) {
        if (undecided.size() <= EXAMPLES) {
            undecided.forEach(c -> lines.add(new Line(Severity.WARN, "[INCONCLUSIVE] " + c.comparison().message())));
            return;
        }
        Map<Undecided, List<BaselineComparison.Compared>> byReason = undecided.stream().collect(Collectors.groupingBy(
                c -> c.comparison().undecided(),
                () -> new EnumMap<>(Undecided.class), Collectors.toList()));
        List<Map.Entry<Undecided, List<BaselineComparison.Compared>>> reasons = new ArrayList<>(byReason.entrySet());
        reasons.sort(Comparator.comparing((Map.Entry<Undecided, List<BaselineComparison.Compared>> e)
                        -> e.getKey() != Undecided.NOT_COMPARABLE)
                .thenComparing(e -> -e.getValue().size()));
        lines.add(new Line(Severity.WARN, "Baseline: " + undecided.size() + " comparisons INCONCLUSIVE: "
                + reasons.stream().map(e -> e.getValue().size() + " " + e.getKey().phrase())
                .collect(Collectors.joining(", "))
                + "; every one is in the report (or -Dperfgate.regression.details=true). For example:"));
        reasons.stream().limit(EXAMPLES).forEach(e -> lines.add(new Line(Severity.WARN,
                "[INCONCLUSIVE] " + e.getValue().get(0).comparison().message())));
    }
}
