package io.perfgate.core.compare;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.regression.MetricSelection;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the forks' records into a {@link CompareReport}: which tests and benchmark runs are new, which a fork
 * failed, and for the rest the metrics their gates name (a benchmark's score always), compared pair by pair with
 * one suite-wide correction.
 */
public final class CompareAnalysis {

    private CompareAnalysis() {
    }

    /** The results compare runs again: JUnit tests with gates that were not skipped, in the order given. */
    public static List<TestResult> gatedTests(List<TestResult> results) {
        return results.stream()
                .filter(result -> result.kind() == ResultKind.JUNIT && gated(result))
                .toList();
    }

    /** Recorded with gates and not skipped: what compare measures again, or names as left out. */
    private static boolean gated(TestResult result) {
        return result.status() != ResultStatus.SKIPPED && !result.gates().isEmpty();
    }

    /**
     * The gated JMH benchmark runs compare measures again: those {@code perfgate:jmh} recorded with a mode (one per
     * benchmark, mode and parameter set) and gates, in the order given.
     */
    public static List<TestResult> gatedBenchmarks(List<TestResult> results) {
        return results.stream()
                .filter(result -> result.kind() == ResultKind.JMH && gated(result) && result.benchmark() != null
                        && result.benchmark().mode() != null)
                .toList();
    }

    /** The gated load scenarios compare drives again: those {@code perfgate:load} recorded with gates. */
    public static List<TestResult> gatedScenarios(List<TestResult> results) {
        return results.stream()
                .filter(result -> result.kind() == ResultKind.LOAD && gated(result))
                .toList();
    }

    /**
     * The gated results compare does not measure again, each with why: pages (it runs no browser) and load results
     * outside the scenario file ({@code @LoadTest} methods, {@code perfgate:import}).
     *
     * @param scenarioIds the ids of the scenario file's scenarios, which compare drives
     */
    public static List<ComparedTest> leftOut(List<TestResult> results, Set<String> scenarioIds) {
        List<ComparedTest> leftOut = new ArrayList<>();
        for (TestResult result : results) {
            if (!gated(result)) {
                continue;
            }
            String why = result.kind() == ResultKind.LIGHTHOUSE ? "compare runs no browser"
                    : result.kind() == ResultKind.LOAD && !scenarioIds.contains(result.id())
                    ? "compare drives only the scenario file's scenarios, not @LoadTest methods or imported runs"
                    : null;
            if (why != null) {
                leftOut.add(leftOut(result, why));
            }
        }
        return leftOut;
    }

    /** A gated result compare does not measure again, and why, for the report. */
    public static ComparedTest leftOut(TestResult result, String why) {
        return new ComparedTest(result.id(), result.label(), result.kind(), ComparedTest.Status.LEFT_OUT,
                "not compared with the base: " + why + "; perfgate:check judges it against its bounds and the baseline",
                List.of());
    }

    /**
     * Head's gated results of one kind (JUnit tests, benchmark runs or load scenarios), and the forks that ran them.
     *
     * @param what  what the schedule ran, as its stop reason names it: {@code tests}, {@code benchmarks}
     * @param tests head's results as its build recorded them (their gates say what is compared)
     */
    public record Schedule(String what, List<TestResult> tests, InterleavedRuns.Runs runs) {
        public Schedule {
            tests = List.copyOf(tests);
        }
    }

    /**
     * Judges every schedule's comparisons together, with one correction across the suite.
     *
     * @param leftOut the gated results compare did not measure ({@link #leftOut}), reported as such
     */
    public static CompareReport of(BaseCommit base, List<Schedule> schedules, List<ComparedTest> leftOut,
                                   PairedComparator comparator, String forkLogs) {
        List<PairedComparator.Input> inputs = new ArrayList<>();
        List<ComparedTest> notCompared = new ArrayList<>();
        List<TestResult> compared = new ArrayList<>();
        int pairsPlanned = 0;
        int pairsRun = Integer.MAX_VALUE;
        List<String> stopped = new ArrayList<>();
        for (Schedule schedule : schedules) {
            InterleavedRuns.Runs runs = schedule.runs();
            List<Pair> pairs = pairs(runs);
            pairsPlanned = Math.max(pairsPlanned, runs.pairsPlanned());
            if (!pairs.isEmpty()) {
                pairsRun = Math.min(pairsRun, pairs.size()); // a schedule of new items only ran none, and needs none
            }
            if (runs.stoppedEarly() != null) {
                stopped.add(schedule.what() + ": " + runs.stoppedEarly());
            }
            for (TestResult test : schedule.tests()) {
                ComparedTest problem = problem(base, test, runs, pairs);
                if (problem != null) {
                    notCompared.add(problem);
                    continue;
                }
                compared.add(test);
                for (PairedMetric metric : metrics(test, pairs)) {
                    inputs.add(input(test, metric, pairs));
                }
            }
        }
        Map<String, List<PairedComparison>> byTest = comparator.compare(inputs).stream()
                .collect(Collectors.groupingBy(PairedComparison::testId));
        List<ComparedTest> tests = new ArrayList<>();
        for (TestResult test : compared) {
            tests.add(new ComparedTest(test.id(), test.label(), test.kind(), ComparedTest.Status.COMPARED, null,
                    byTest.getOrDefault(test.id(), List.of())));
        }
        tests.addAll(notCompared);
        tests.addAll(leftOut);
        return new CompareReport(base, pairsPlanned, pairsRun == Integer.MAX_VALUE ? 0 : pairsRun,
                stopped.isEmpty() ? null : String.join("; ", stopped), comparator.policy().correction().displayName(),
                tests, forkLogs);
    }

    /** Why the test cannot be compared (new in head, a failed fork, no pair); null when it can. */
    private static ComparedTest problem(BaseCommit base, TestResult test, InterleavedRuns.Runs runs, List<Pair> pairs) {
        String id = test.id();
        if (runs.missingInBase().contains(id)) {
            String what = CompareReport.noun(test.kind(), 1)
                    + (test.kind() == ResultKind.JMH ? " (no such benchmark, mode or @Param value)" : "");
            return new ComparedTest(id, test.label(), test.kind(), ComparedTest.Status.NEW, "new in head: the base "
                    + base.describe() + " has no such " + what + ", so there is nothing to compare it with", List.of());
        }
        String baseFailure = failure(pairs, id, InterleavedRuns.Side.BASE);
        String headFailure = baseFailure == null ? failure(pairs, id, InterleavedRuns.Side.HEAD) : null;
        if (baseFailure != null || headFailure != null) {
            return new ComparedTest(id, test.label(), test.kind(), baseFailure != null
                    ? ComparedTest.Status.BASE_FAILED : ComparedTest.Status.HEAD_FAILED,
                    baseFailure != null ? baseFailure : headFailure, List.of());
        }
        if (pairs.isEmpty()) {
            return new ComparedTest(id, test.label(), test.kind(), ComparedTest.Status.BASE_FAILED,
                    "no pair ran: " + runs.stoppedEarly(), List.of());
        }
        return null;
    }

    /** A pair whose two forks both ran. */
    private record Pair(int index, InterleavedRuns.Fork base, InterleavedRuns.Fork head) {
        InterleavedRuns.Fork side(InterleavedRuns.Side side) {
            return side == InterleavedRuns.Side.BASE ? base : head;
        }
    }

    private static List<Pair> pairs(InterleavedRuns.Runs runs) {
        List<Pair> pairs = new ArrayList<>();
        for (int index = 0; index < runs.pairsPlanned(); index++) {
            InterleavedRuns.Fork base = fork(runs, index, InterleavedRuns.Side.BASE);
            InterleavedRuns.Fork head = fork(runs, index, InterleavedRuns.Side.HEAD);
            if (base != null && head != null) {
                pairs.add(new Pair(index, base, head));
            }
        }
        return pairs;
    }

    private static InterleavedRuns.Fork fork(InterleavedRuns.Runs runs, int pair, InterleavedRuns.Side side) {
        return runs.forks().stream().filter(fork -> fork.pair() == pair && fork.side() == side).findFirst().orElse(null);
    }

    /** Why a side recorded no measurement of the test in some pair; null when it did in every pair. */
    private static String failure(List<Pair> pairs, String id, InterleavedRuns.Side side) {
        for (Pair pair : pairs) {
            InterleavedRuns.Fork fork = pair.side(side);
            if (fork.completed(id) == null) {
                TestResult partial = fork.results().get(id);
                return "the " + side.label() + " run of pair " + (pair.index() + 1) + " " + fork.exit().describe()
                        + " and recorded no measurement of it" + (partial != null && partial.statusReason() != null
                        ? " (" + partial.statusReason() + ")" : "") + "; log: " + fork.exit().log();
            }
        }
        return null;
    }

    /**
     * A benchmark's score; for a test, the latency figures its latency gate names (p50, p90, p95, p99, mean), CPU
     * time per invocation when it names a CPU figure ({@code cpuP95}), the mean when it names neither; and allocation
     * per invocation when a memory gate names it or every fork recorded it. CPU time is recorded for every test but
     * compared only where a gate asks: each compared metric enters the suite's Holm correction, and a pair count
     * that can show a regression among m comparisons needs 2^-pairs x m <= 0.05.
     */
    private static List<PairedMetric> metrics(TestResult test, List<Pair> pairs) {
        Set<PairedMetric> metrics = new LinkedHashSet<>();
        if (test.kind() == ResultKind.JMH) {
            metrics.add(PairedMetric.scoreOf(test.benchmark())); // what a benchmark is for, whichever gates it has
        } else {
            // the figures check compares for the test's gates, those a pair of forks gives (a throughput has none)
            MetricSelection.gated(test, null).stream().map(PairedMetric::of).flatMap(Optional::stream)
                    .forEach(metrics::add);
        }
        if (metrics.isEmpty()) {
            metrics.add(PairedMetric.MEAN);
        }
        boolean allocationGated = test.gates().stream().anyMatch(gate -> gate.scope() == null
                && gate.is(GateType.MEMORY) && gate.bounds().containsKey(Metric.ALLOCATION_PER_INVOCATION.attribute()));
        if (allocationGated || allocationEverywhere(test.id(), pairs)) {
            metrics.add(PairedMetric.ALLOCATION);
        }
        return List.copyOf(metrics);
    }

    private static boolean allocationEverywhere(String id, List<Pair> pairs) {
        return !pairs.isEmpty() && pairs.stream().allMatch(pair -> Arrays.stream(
                new InterleavedRuns.Fork[] {pair.base(), pair.head()})
                .allMatch(fork -> PairedMetric.ALLOCATION.of(fork.completed(id)).present()));
    }

    private static PairedComparator.Input input(TestResult test, PairedMetric metric, List<Pair> pairs) {
        double[] base = new double[pairs.size()];
        double[] head = new double[pairs.size()];
        String problem = null;
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            PairedMetric.Figure b = metric.of(pair.base().completed(test.id()));
            PairedMetric.Figure h = metric.of(pair.head().completed(test.id()));
            base[i] = b.value();
            head[i] = h.value();
            if (problem == null && !(b.present() && h.present())) {
                problem = "pair " + (pair.index() + 1) + ", " + (b.present() ? "head" : "base") + ": "
                        + (b.present() ? h.problem() : b.problem());
            }
        }
        return new PairedComparator.Input(test.id(), test.label(), metric, levelOf(test, metric), base, head, problem);
    }

    /** The level of the test's gate of the metric's type; else its first gate's; BLOCKING without any. */
    private static Level levelOf(TestResult test, PairedMetric metric) {
        Function<GateDeclaration, Level> level = GateDeclaration::level;
        return test.gates().stream().filter(gate -> gate.scope() == null && gate.is(metric.gateType())).map(level)
                .findFirst().orElse(test.gates().isEmpty() ? Level.BLOCKING : test.gates().get(0).level());
    }
}
