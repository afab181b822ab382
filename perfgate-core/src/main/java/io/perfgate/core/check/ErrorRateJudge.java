package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.SampleRule;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.Measurement;

/** Invocations that threw (or requests that failed), as a share of all. */
final class ErrorRateJudge implements GateJudge {

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        Measurement measurement = subject.measurement();
        long invocations = measurement.invocations();
        if (invocations == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, "no invocation was measured");
        }
        double rate = (double) measurement.errors() / invocations;
        // A rate within its bound is only credible when ten errors would have crossed it.
        long required = SampleRule.required(metric, bound).orElseThrow();
        if (bound.judge(rate, metric.direction()) != Verdict.FAIL && invocations < required) {
            return Wording.tooFewTrials(subject, metric, bound, rate, invocations, required, "invocations");
        }
        MetricOutcome outcome = Wording.judged(subject, metric, bound, rate, invocations, null, null);
        if (measurement.errors() > 0 && measurement.firstError() != null && outcome.verdict() == Verdict.FAIL) {
            return Wording.withDetail(outcome, "; " + QuantityKind.grouped(measurement.errors()) + " of "
                    + QuantityKind.grouped(invocations) + " invocations threw, first: " + measurement.firstError());
        }
        return outcome;
    }
}
