package io.perfgate.core.check;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.jmh.BenchmarkMode;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

/**
 * What a judge looks at: a result, the measurement a gate applies to (the whole result's, or one endpoint's),
 * and the parts every message names: the test, the endpoint, the sample count and the report.
 *
 * @param label          the test as every output of this run names it ({@link io.perfgate.core.result.TestLabels})
 * @param endpoint       the endpoint of a scoped gate; null for the whole result
 * @param reportLocation where the report is; null when there is none (IDE runs)
 */
record Subject(TestResult result, String label, Measurement measurement, String endpoint, String reportLocation) {

    /** A subject named as its result names itself (a result judged alone). */
    Subject(TestResult result, Measurement measurement, String endpoint, String reportLocation) {
        this(result, result.label(), measurement, endpoint, reportLocation);
    }

    BenchmarkDetails benchmark() {
        return result.benchmark();
    }

    /**
     * Where the figures come from, closing a message: {@code (UsersLoad#browse, endpoint GET /users, 1,200 samples,
     * report: target/perfgate/index.html)}; for a benchmark, JMH's score with its error and what it rests on.
     */
    String context(long samples) {
        StringBuilder context = new StringBuilder(" (").append(label());
        BenchmarkDetails benchmark = benchmark();
        if (benchmark != null) {
            if (benchmark.score() != null) {
                context.append(", JMH score ").append(benchmark.scoreText()).append(" from ").append(benchmark.runText());
                if (BenchmarkMode.SAMPLE_TIME.shortLabel().equals(benchmark.mode())) {
                    context.append(", ").append(samples(samples));
                }
            }
        } else {
            if (endpoint != null) {
                context.append(", endpoint ").append(endpoint);
            }
            context.append(", ").append(samples(samples));
        }
        if (reportLocation != null) {
            context.append(", report: ").append(reportLocation);
        }
        return context.append(')').toString();
    }

    private static String samples(long samples) {
        return QuantityKind.grouped(samples) + (samples == 1 ? " sample" : " samples");
    }

    /** A recorded histogram; an empty one when none was recorded. */
    LatencyHistogram histogram(String encoded, String what) {
        if (encoded == null) {
            return new LatencyHistogram();
        }
        try {
            return LatencyHistogram.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidGateException(label() + ": the recorded " + what + " histogram is corrupt: "
                    + e.getMessage());
        }
    }
}
