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
        List<InterleavedRuns.Fork> forks = new ArrayList<>();
        int sequence = 0;
        for (int pair = 0; pair < pairs; pair++) {
            double machine = 1 + 0.3 * Math.sin(pair);
            InterleavedRuns.Side first = InterleavedRuns.first(pair);
            for (InterleavedRuns.Side side : first == InterleavedRuns.Side.BASE
                    ? List.of(InterleavedRuns.Side.BASE, InterleavedRuns.Side.HEAD)
                    : List.of(InterleavedRuns.Side.HEAD, InterleavedRuns.Side.BASE)) {
                Map<String, TestResult> results = new LinkedHashMap<>();
                for (Map.Entry<TestResult, Double> entry : factors.entrySet()) {
                    double factor = side == InterleavedRuns.Side.HEAD ? entry.getValue() : 1;
                    results.put(entry.getKey().id(), measured(entry.getKey(), machine * factor, 100L * pair + sequence));
                }
                forks.add(fork(pair, side, sequence++, 0, results));
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
