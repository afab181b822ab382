package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the reports show a JMH benchmark: JMH's score with its error and unit, the parameters and mode, the
 * allocation per operation, the run's shape and the fork scores. Only presents; {@code check} judged.
 */
final class BenchmarkSummary {
    private BenchmarkSummary() {
    }

    /** The benchmark results of a report, in its order. */
    static List<TestOutcome> benchmarks(CheckReport report) {
        return report.tests().stream().filter(test -> test.result().benchmark() != null).toList();
    }

    /** {@code millis=6}, or "-" without parameters. */
    static String params(BenchmarkDetails benchmark) {
        return benchmark.params().isEmpty() ? "-" : benchmark.paramsText();
    }

    /** {@code 449 ± 273 ops/s}, or what went wrong. */
    static String score(BenchmarkDetails benchmark) {
        if (benchmark.failure() != null) {
            return "failed";
        }
        return benchmark.scoreText();
    }

    /** {@code 4,110 ± 0.133 B/op}, or "-" when the gc profiler did not run. */
    static String allocation(BenchmarkDetails benchmark) {
        return Objects.requireNonNullElse(benchmark.allocationText(), "-");
    }

    /**
     * One sentence for a benchmark's section: mode, score, allocation, parameters, run and fork scores; or
     * the failure.
     */
    static String describe(TestResult result) {
        BenchmarkDetails benchmark = result.benchmark();
        List<String> parts = new ArrayList<>();
        String mode = benchmark.mode() == null ? "JMH benchmark" : "JMH " + benchmark.mode();
        if (benchmark.failure() != null) {
            parts.add(mode + " failed: " + benchmark.failure());
        } else {
            parts.add(mode + " score " + benchmark.scoreText()
                    + (benchmark.scoreError() == null ? "" : " (99.9% CI)"));
            if (benchmark.allocationText() != null) {
                parts.add("allocation " + benchmark.allocationText());
            }
        }
        if (!benchmark.params().isEmpty()) {
            parts.add("parameters " + benchmark.paramsText());
        }
        if (benchmark.forks() > 0) {
            parts.add(benchmark.runText() + (benchmark.warmupIterations() > 0
                    ? " after " + benchmark.warmupIterations() + " warmup "
                    + (benchmark.warmupIterations() == 1 ? "iteration" : "iterations")
                    + (benchmark.warmupTime() == null ? "" : " of " + benchmark.warmupTime()) : "")
                    + ", " + ReportSummary.count(Math.max(1, benchmark.threads()), "thread"));
        }
        String forks = forkScores(benchmark, result.measurement());
        if (!forks.isEmpty()) {
            parts.add("fork means " + forks);
        }
        if (result.workload() != null && result.workload().profile() != null) {
            parts.add("profile " + result.workload().profile());
        }
        if (benchmark.jmhVersion() != null) {
            parts.add("JMH " + benchmark.jmhVersion());
        }
        return String.join("; ", parts) + ". Started " + ReportSummary.time(result.startedAt()) + '.';
    }

    /** Each fork's mean in the base unit: {@code 412/s, 486/s} or {@code 6.71 ms, 6.69 ms}. */
    private static String forkScores(BenchmarkDetails benchmark, Measurement measurement) {
        if (measurement == null) {
            return "";
        }
        QuantityKind kind = benchmark.isThroughput() ? QuantityKind.RATE : QuantityKind.DURATION;
        return measurement.rounds().stream().map(Round::score).filter(Objects::nonNull).map(kind::format)
                .collect(Collectors.joining(", "));
    }
}
