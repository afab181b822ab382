package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.Measurement;

/** Successful invocations (or requests) per second of measured time. */
final class ThroughputJudge implements GateJudge {

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        Measurement measurement = subject.measurement();
        if (measurement.durationNanos() <= 0 || measurement.invocations() == 0) {
            return Wording.notMeasured(subject, metric, bound, measurement.invocations(), "nothing was measured");
        }
        double perSecond = measurement.successes() * 1e9 / measurement.durationNanos();
        return Wording.judged(subject, metric, bound, perSecond, measurement.invocations(), null, null);
    }
}
