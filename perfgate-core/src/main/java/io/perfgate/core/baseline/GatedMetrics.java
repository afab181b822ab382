package io.perfgate.core.baseline;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.Replicates;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The compared metrics a test's gates name ({@code @LatencyGate(p95 = ...)} names p95). They are always
 * compared, whatever {@code perfgate.regression.metrics} lists, and when one side has no values for them
 * the comparison is INCONCLUSIVE with the reason, never left out.
 */
final class GatedMetrics {
    private static final List<RegressionMetric> LATENCY = List.of(RegressionMetric.P50, RegressionMetric.P90,
            RegressionMetric.P95, RegressionMetric.P99, RegressionMetric.MEAN);

    private GatedMetrics() {
    }

    /** The metrics the gates of one scope (null: the test's own measurement; else an endpoint) name. */
    static Set<RegressionMetric> of(TestResult result, String scope) {
        Set<RegressionMetric> named = EnumSet.noneOf(RegressionMetric.class);
        for (GateDeclaration gate : result.gates()) {
            if (!Objects.equals(scope, gate.scope())) {
                continue;
            }
            if (GateType.LATENCY.declarationName().equals(gate.gate())) {
                LATENCY.stream().filter(metric -> gate.bounds().containsKey(metric.label())).forEach(named::add);
            } else if (GateType.THROUGHPUT.declarationName().equals(gate.gate())) {
                named.add(RegressionMetric.THROUGHPUT);
            }
        }
        return named;
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
        Replicates then = recorded == null ? null : Replicates.of(recorded, metric);
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
