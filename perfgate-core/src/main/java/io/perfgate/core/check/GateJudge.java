package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;

/**
 * Judges the metrics of one gate family (latency, throughput, error rate, memory, leak, database, JMH score)
 * against their parsed bounds. A judge decides the verdict and gives the figures; {@link Wording} words them.
 */
interface GateJudge {

    /**
     * @param subject what was measured, and where messages point
     * @throws io.perfgate.core.gate.InvalidGateException when the recording cannot be read (a corrupt histogram)
     */
    MetricOutcome judge(Subject subject, Metric metric, Bound bound);
}
