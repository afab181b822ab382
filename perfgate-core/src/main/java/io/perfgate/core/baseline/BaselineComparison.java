package io.perfgate.core.baseline;

import io.perfgate.core.gate.Level;
import io.perfgate.core.profile.ProfileDiff;
import io.perfgate.core.regression.DetectionLimit;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionDetector;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.trend.TrendFinding;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code check} learned from the baseline store for one build: each metric compared with its
 * baseline, what the history shows, and what was wrong with the store.
 *
 * @param storePresent whether the project has baselines at all
 * @param comparisons  every comparison, with the level it is enforced at
 * @param trends       history findings for the compared metrics
 * @param trendLevel   how trend alerts are enforced (WARNING by default)
 * @param problems     unusable baseline files: bad input that fails the build, each naming the file and the fix
 * @param notes        things worth knowing that decide nothing (tests without a baseline)
 * @param historyProblems history files that could not be read and were ignored: warnings (the history loses a
 *                     run), never a reason to fail
 * @param historyFile  the history file written for this run; null when none was written
 * @param limit        when some comparisons can never show a regression with their replicates: which, and
 *                     the one line that says so with the fix; null when every comparison could
 */
public record BaselineComparison(
        boolean storePresent,
        List<Compared> comparisons,
        List<TrendFinding> trends,
        Level trendLevel,
        List<String> problems,
        List<String> notes,
        List<String> historyProblems,
        Path historyFile,
        DetectionLimit.Limit limit) {

    public BaselineComparison {
        comparisons = List.copyOf(comparisons);
        trends = List.copyOf(trends);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        historyProblems = List.copyOf(historyProblems);
    }

    /**
     * A comparison, the level of the gate it belongs to, and for a regression of a profiled test the change of its
     * profile against the baseline's (null otherwise).
     */
    public record Compared(MetricComparison comparison, Level level, ProfileDiff profileDiff) {

        public Compared(MetricComparison comparison, Level level) {
            this(comparison, level, null);
        }

        /**
         * The comparison's sentence; for a regression whose profile shows where the time went, the change is followed
         * by {@code : most of the added time is in OrderPricing.applyDiscounts (+31 % of samples)}.
         */
        public String message() {
            String explanation = profileDiff == null ? null : profileDiff.explanation().orElse(null);
            if (explanation == null) {
                return comparison.message();
            }
            String message = comparison.message();
            int hint = message.indexOf(RegressionDetector.ACCEPT_HINT);
            return hint < 0 ? message + ": " + explanation
                    : message.substring(0, hint) + ": " + explanation + message.substring(hint);
        }

        /** A regression of a BLOCKING metric fails the build; nothing else here does. */
        public boolean blocks() {
            return level == Level.BLOCKING && comparison.outcome() == RegressionOutcome.REGRESSED;
        }

        /** Worth a warning: a regression at WARNING level, or an undecided comparison. */
        public boolean warns() {
            RegressionOutcome outcome = comparison.outcome();
            return (outcome == RegressionOutcome.REGRESSED && level == Level.WARNING)
                    || (outcome == RegressionOutcome.INCONCLUSIVE && level != Level.ADVISORY);
        }
    }

    /** What a finding that fails the build is about, so consoles label it by kind, not by its text. */
    public enum FindingKind { BASELINE, REGRESSED, TREND }

    /** One finding that fails the build. */
    public record Finding(FindingKind kind, String message) {
    }

    /** What fails the build: unusable baseline files, blocking regressions, and trend alerts at BLOCKING. */
    public List<Finding> blockingFindings() {
        List<Finding> findings = new java.util.ArrayList<>();
        problems.forEach(problem -> findings.add(new Finding(FindingKind.BASELINE, problem)));
        comparisons.stream().filter(Compared::blocks)
                .forEach(c -> findings.add(new Finding(FindingKind.REGRESSED, c.message())));
        if (trendLevel == Level.BLOCKING) {
            trends.forEach(trend -> trend.alerts().forEach(alert -> findings.add(new Finding(FindingKind.TREND, alert))));
        }
        return findings;
    }

    /** Messages that fail the build: blocking regressions and unusable baseline files. */
    public List<String> blockingMessages() {
        return blockingFindings().stream().map(Finding::message).toList();
    }

    /** Messages to print as warnings: non-blocking regressions, undecided comparisons, trend alerts at WARNING. */
    public List<String> warningMessages() {
        List<String> messages = new java.util.ArrayList<>();
        comparisons.stream().filter(Compared::warns).map(Compared::message).forEach(messages::add);
        if (trendLevel == Level.WARNING) {
            trends.forEach(trend -> messages.addAll(trend.alerts()));
        }
        return messages;
    }

    public boolean hasBlocking() {
        return !blockingMessages().isEmpty();
    }

    /** Comparisons with the given outcome. */
    public long count(RegressionOutcome outcome) {
        return comparisons.stream().filter(c -> c.comparison().outcome() == outcome).count();
    }
}
