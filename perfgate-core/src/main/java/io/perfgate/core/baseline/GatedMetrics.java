package io.perfgate.core.baseline;

import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.Replicates;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

/**
 * Why a metric a gate names ({@code MetricSelection#gated}) cannot be compared: it is then INCONCLUSIVE
 * with this reason, never left out.
 */
final class GatedMetrics {
    private GatedMetrics() {
    }

    /** Why a gated metric cannot be compared, and what to do: a clause for the INCONCLUSIVE message. */
    static String whyNotComparable(RegressionMetric metric, BaselineMetric base, TestBaseline baseline, String scope,
                                   Replicates measured) {
        if (base != null) {
            return "in this run " + measured.problem();
        }
        String fix = "; then record a new baseline (mvn verify perfgate:baseline)";
        if (!measured.usable()) {
            return "in this run " + measured.problem() + fix;
        }
        Measurement recorded = measurementOf(baseline.result(), scope);
        Replicates then = recorded == null ? null : Replicates.of(recorded, metric, true);
        if (then == null) {
            return "the baseline file has no " + metric.label() + " values; record a new baseline"
                    + " (mvn verify perfgate:baseline)";
        }
        if (then.usable()) {
            return "the baseline was recorded by a perfgate that left " + metric.label()
                    + " out; record a new baseline (mvn verify perfgate:baseline)";
        }
        return "in the baseline run " + then.problem() + fix;
    }

    private static Measurement measurementOf(TestResult result, String scope) {
        if (result == null) {
            return null;
        }
        if (scope == null) {
            return result.measurement();
        }
        return result.endpoints() == null ? null : result.endpoints().get(scope);
    }
}
