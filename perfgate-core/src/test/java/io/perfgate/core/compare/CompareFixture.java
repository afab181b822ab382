package io.perfgate.core.compare;

import io.perfgate.core.TestData;
import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.result.TestResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recorded forks for compare's tests: a test whose head is {@code factor} times slower than its base. */
public final class CompareFixture {
    public static final BaseCommit BASE = new BaseCommit("1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d", "origin/main",
            "Add the order cache");

    private CompareFixture() {
    }

    /** The head result of its test phase: a latency gate naming p95. */
    public static TestResult gated(String method, Level level) {
        return TestData.completed("OrderApiPerfTest", method, method + "()",
                TestData.measurement(TestData.exponential(1, 1000, 1e6), 0, null, 1_000_000_000L),
                TestData.gate("LatencyGate", level, "p95", "200ms"));
    }

    /** A completed result of the test in one fork, its latency about {@code millis}. */
    public static TestResult measured(TestResult test, double millis, long seed) {
        LatencyHistogram histogram = TestData.exponential(seed, 1000, millis * 1e6);
        return test.completed(TestData.measurement(histogram, 0, null, 1_000_000_000L));
    }

    /**
     * {@code pairs} pairs in ABBA order where each test's head is {@code factor} times its base; the machine's
     * speed drifts by up to 30 % from pair to pair, for both sides alike.
     */
    public static InterleavedRuns.Runs runs(int pairs, Map<TestResult, Double> factors, Set<String> missingInBase) {
        return runs(pairs, (side, machine, seed) -> {
            Map<String, TestResult> results = new LinkedHashMap<>();
            factors.forEach((test, factor) -> results.put(test.id(),
                    measured(test, machine * (side == InterleavedRuns.Side.HEAD ? factor : 1), seed)));
            return results;
        }, missingInBase);
    }

    /** What one fork records: its results by test id, given its side, the machine's speed factor and a seed. */
    @FunctionalInterface
    public interface ForkResults {
        Map<String, TestResult> of(InterleavedRuns.Side side, double machine, long seed);
    }

    /** {@code pairs} pairs in ABBA order on a machine whose speed drifts by up to 30 % from pair to pair. */
    public static InterleavedRuns.Runs runs(int pairs, ForkResults results, Set<String> missingInBase) {
        List<InterleavedRuns.Fork> forks = new ArrayList<>();
        int sequence = 0;
        for (int pair = 0; pair < pairs; pair++) {
            double machine = 1 + 0.3 * Math.sin(pair);
            InterleavedRuns.Side first = InterleavedRuns.first(pair);
            for (InterleavedRuns.Side side : first == InterleavedRuns.Side.BASE
                    ? List.of(InterleavedRuns.Side.BASE, InterleavedRuns.Side.HEAD)
                    : List.of(InterleavedRuns.Side.HEAD, InterleavedRuns.Side.BASE)) {
                forks.add(fork(pair, side, sequence, 0, results.of(side, machine, 100L * pair + sequence)));
                sequence++;
            }
        }
        return new InterleavedRuns.Runs(forks, missingInBase, pairs, null);
    }

    public static InterleavedRuns.Fork fork(int pair, InterleavedRuns.Side side, int sequence, int exitCode,
                                            Map<String, TestResult> results) {
        return new InterleavedRuns.Fork(pair, side, sequence, new JvmFork.Exit(exitCode, false,
                Path.of("target/perfgate/compare/forks/pair-0" + (pair + 1) + "-" + side.label() + "/fork.log"),
                Duration.ofSeconds(3)), results, List.of());
    }

    public static PairedComparator comparator() {
        return new PairedComparator(RegressionPolicy.defaults(), new AllowedChange(0.10));
    }
}
