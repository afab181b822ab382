package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One run kept in the history: its fingerprint and, per test, the replicate values of each metric.
 * Small on purpose: one such file per run, so parallel pull requests never touch the same file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryRun(String schemaVersion, Fingerprint fingerprint, List<Test> tests) {

    public static final String SCHEMA_VERSION = "1.0";
    public static final int SCHEMA_MAJOR = 1;

    public HistoryRun {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /**
     * A test's replicate values in this run, by metric label.
     *
     * @param undecided the metrics whose comparison with the baseline was INCONCLUSIVE in this run: a rerun
     *                  at the same commit pools their values
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Test(String id, String label, Map<String, List<Double>> metrics, List<String> undecided) {
        public Test {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
            undecided = undecided == null ? List.of() : List.copyOf(undecided);
        }

        public Test(String id, String label, Map<String, List<Double>> metrics) {
            this(id, label, metrics, List.of());
        }

        public Test withUndecided(List<String> metricLabels) {
            return new Test(id, label, metrics, metricLabels);
        }

        public double[] values(String metric) {
            List<Double> values = metrics.get(metric);
            return values == null ? new double[0] : values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** This run's values of one test, if it has them. */
    public java.util.Optional<Test> test(String id) {
        return tests.stream().filter(test -> test.id().equals(id)).findFirst();
    }
}
