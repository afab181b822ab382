package io.perfgate.core.check;

import io.perfgate.core.frontend.FrontendJudge;
import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;

/** Front-end metrics: the median of a page's Lighthouse runs, judged by {@link FrontendJudge}. */
final class FrontendGateJudge implements GateJudge {
    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        return new FrontendJudge(subject.reportLocation()).judge(subject.result(), metric, bound);
    }
}
