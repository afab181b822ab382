package io.perfgate.core.compare;

import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.ResultKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything one compare found: the base commit, the pairs run, and each gated test of head. Reports read it;
 * {@link #blocking()} is what fails the build.
 *
 * @param pairsPlanned how many pairs the profile or setting asked for
 * @param pairsRun     how many ran on both sides
 * @param stoppedEarly why fewer ran; null when all did
 * @param correction   how p-values were corrected, as reports name it
 * @param forkLogs     where each fork's log lies, for the report's footnote
 */
public record CompareReport(BaseCommit base, int pairsPlanned, int pairsRun, String stoppedEarly, String correction,
                            List<ComparedTest> tests, String forkLogs) {

    public CompareReport {
        tests = List.copyOf(tests);
    }

    /** The regressions of BLOCKING gates' metrics. */
    public List<PairedComparison> blocking() {
        return comparisons().stream().filter(PairedComparison::blocks).toList();
    }

    public List<PairedComparison> comparisons() {
        return tests.stream().flatMap(test -> test.metrics().stream()).toList();
    }

    /** Compared metrics per outcome, every outcome present. */
    public Map<RegressionOutcome, Integer> countsByOutcome() {
        Map<RegressionOutcome, Integer> counts = new EnumMap<>(RegressionOutcome.class);
        for (RegressionOutcome outcome : RegressionOutcome.values()) {
            counts.put(outcome, 0);
        }
        comparisons().forEach(comparison -> counts.merge(comparison.outcome(), 1, Integer::sum));
        return counts;
    }

    /** Tests per status, every status present. */
    public Map<ComparedTest.Status, Integer> countsByStatus() {
        Map<ComparedTest.Status, Integer> counts = new EnumMap<>(ComparedTest.Status.class);
        for (ComparedTest.Status status : ComparedTest.Status.values()) {
            counts.put(status, 0);
        }
        tests.forEach(test -> counts.merge(test.status(), 1, Integer::sum));
        return counts;
    }

    /**
     * {@code Compared 3 of 4 gated tests with 1a2b3c4 (origin/main) in 10 pairs: 4 metrics, Regressed: 1, Unchanged: 3,
     * Improved: 0, Inconclusive: 0; new: 1, base failed: 0, head failed: 0}; with more than one kind
     * {@code Compared 3 of 3 gated results (2 tests, 1 load scenario) with ...}.
     */
    public String counts() {
        Map<RegressionOutcome, Integer> outcomes = countsByOutcome();
        Map<ComparedTest.Status, Integer> statuses = countsByStatus();
        return "Compared " + statuses.get(ComparedTest.Status.COMPARED) + " of " + tests.size() + " " + population()
                + " with " + base.describe() + " in " + pairsRun + (pairsRun == 1 ? " pair" : " pairs") + ": "
                + comparisons().size() + (comparisons().size() == 1 ? " metric" : " metrics")
                + ", Regressed: " + outcomes.get(RegressionOutcome.REGRESSED)
                + ", Unchanged: " + outcomes.get(RegressionOutcome.UNCHANGED)
                + ", Improved: " + outcomes.get(RegressionOutcome.IMPROVED)
                + ", Inconclusive: " + outcomes.get(RegressionOutcome.INCONCLUSIVE)
                + "; new: " + statuses.get(ComparedTest.Status.NEW)
                + ", base failed: " + statuses.get(ComparedTest.Status.BASE_FAILED)
                + ", head failed: " + statuses.get(ComparedTest.Status.HEAD_FAILED)
                + (statuses.get(ComparedTest.Status.LEFT_OUT) == 0 ? ""
                : ", left out: " + statuses.get(ComparedTest.Status.LEFT_OUT));
    }

    /** What was compared: {@code gated tests}, or each kind counted, {@code gated results (2 tests, 1 page)}. */
    private String population() {
        Map<ResultKind, Long> kinds = tests.stream()
                .collect(Collectors.groupingBy(ComparedTest::kind, () -> new EnumMap<>(ResultKind.class),
                        Collectors.counting()));
        if (kinds.size() <= 1) {
            ResultKind kind = kinds.isEmpty() ? ResultKind.JUNIT : kinds.keySet().iterator().next();
            return (kind == ResultKind.JUNIT ? "gated " : "") + noun(kind, tests.size());
        }
        return kinds.entrySet().stream()
                .map(kind -> kind.getValue() + " " + noun(kind.getKey(), kind.getValue()))
                .collect(Collectors.joining(", ", "gated results (", ")"));
    }

    /** {@code test}, {@code benchmark run}, {@code load scenario} or {@code page}, plural unless one. */
    static String noun(ResultKind kind, long count) {
        String noun = switch (kind) {
            case JUNIT -> "test";
            case JMH -> "benchmark run";
            case LOAD -> "load scenario";
            case LIGHTHOUSE -> "page";
        };
        return count == 1 ? noun : noun + "s";
    }
}
