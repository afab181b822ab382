package io.perfgate.core.baseline;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Completed results with real rounds, for baseline tests. */
final class Results {
    static final Environment ENVIRONMENT = new Environment("17.0.9", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM",
            "Linux", "amd64", 2, "Test CPU", 1L << 30, List.of("-Xmx1g", "-Dfoo=bar"), false);

    private Results() {
    }

    /** A test whose rounds' latencies are lognormal around {@code medianNanos} (seeded), 1,000 samples a round. */
    static TestResult completed(String method, double medianNanos, int rounds, long seed, Environment environment) {
        Measurement measurement = measurement(medianNanos, rounds, seed);
        TestResult declared = new TestResult(TestResult.SCHEMA_VERSION, ResultKind.JUNIT,
                "[engine:junit-jupiter]/[class:com.example.OrderTest]/[method:" + method + "()]",
                "com.example.OrderTest", method, method + "()", io.perfgate.core.result.ResultStatus.DECLARED, null,
                List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method OrderTest#" + method,
                        Map.of("p95", "50ms"), null)),
                new Workload("standard", 100, 0, 1000L * rounds, 0, 1, 0), null, null, environment,
                Instant.parse("2024-05-01T10:00:00Z"), null, null, null);
        return declared.completed(measurement);
    }

    /** A load scenario with one measurement per endpoint, each with time-slice rounds. */
    static TestResult load(Map<String, Double> medianByEndpoint, long seed) {
        Map<String, Measurement> endpoints = new java.util.TreeMap<>();
        medianByEndpoint.forEach((endpoint, median) -> endpoints.put(endpoint,
                measurement(median, 10, seed + endpoint.hashCode())));
        TestResult declared = new TestResult(TestResult.SCHEMA_VERSION, ResultKind.LOAD, "load:orders.json", "orders.json",
                null, "orders.json", io.perfgate.core.result.ResultStatus.DECLARED, null,
                List.of(new GateDeclaration("ThroughputGate", Level.WARNING, false, "orders.json",
                        Map.of("min", "10/s"), "GET /orders")),
                null, null, null, ENVIRONMENT, Instant.parse("2024-05-01T10:00:00Z"), null, null, null);
        return declared.completed(measurement(medianByEndpoint.values().iterator().next(), 10, seed), endpoints);
    }

    /** A JMH benchmark in throughput mode: one round per fork, its score in operations per second. */
    static TestResult benchmark(double opsPerSecond, int forks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Round> rounds = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            rounds.add(new Round(5, 0, 5_000_000_000L, null, opsPerSecond * Math.exp(0.02 * random.nextGaussian())));
        }
        Measurement measurement = new Measurement(5L * forks, 0, Map.of(), null, 5_000_000_000L * forks, null, null,
                null, rounds);
        io.perfgate.core.result.BenchmarkDetails details = new io.perfgate.core.result.BenchmarkDetails(
                "com.example.ParseBench.parse", "thrpt", Map.of(), 1, forks, 2, "1 s", 5, "1 s", opsPerSecond, null,
                "ops/s", null, null, "1.37", null, null, null, null);
        return new TestResult(TestResult.SCHEMA_VERSION, ResultKind.JMH, "jmh:com.example.ParseBench.parse",
                "com.example.ParseBench", "parse", "parse", io.perfgate.core.result.ResultStatus.COMPLETED, null,
                List.of(), null, measurement, null, ENVIRONMENT, Instant.parse("2024-05-01T10:00:00Z"), details, null, null);
    }

    static Measurement measurement(double medianNanos, int rounds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Round> recorded = new ArrayList<>();
        LatencyHistogram all = new LatencyHistogram();
        for (int r = 0; r < rounds; r++) {
            LatencyHistogram histogram = new LatencyHistogram();
            for (int s = 0; s < 1000; s++) {
                histogram.record(Math.round(medianNanos * Math.exp(0.3 * random.nextGaussian())));
            }
            all.add(histogram);
            recorded.add(new Round(1000, 0, 1000 * (long) medianNanos, histogram.encode(), null));
        }
        return new Measurement(1000L * rounds, 0, Map.of(), null, 1000L * rounds * (long) medianNanos,
                all.encode(), null, null, recorded);
    }

    /** A test whose every round waited for a CPU beyond the 10% allowed and was discarded: no round was kept. */
    static TestResult withoutCleanRound(String method) {
        io.perfgate.core.result.Contention contention = new io.perfgate.core.result.Contention(
                io.perfgate.core.result.Contention.SCHEDSTAT, 0.66, 0, 0.71, 0.10, 0, 20, 10, 0.66, 2_000_000_000L,
                measurement(2e6, 1, 1).latencyHistogram(), 3.1);
        Measurement nothingKept = new Measurement(0, 0, Map.of(), null, 0, null, null, null, List.of())
                .withContention(contention, null);
        return completed(method, 2e6).withMeasurement(nothingKept, null);
    }

    static TestResult completed(String method, double medianNanos) {
        return completed(method, medianNanos, 10, method.hashCode(), ENVIRONMENT);
    }
}
