package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;

/**
 * The verdict on one bounded metric.
 *
 * @param bound     the bound it was judged against, parsed once by the gate reader
 * @param value     the measured value in the metric's base unit; null when it could not be measured
 * @param samples   how many samples the value rests on
 * @param lower     lower end of the value's 95 % interval, when known
 * @param upper     upper end of the value's 95 % interval, when known
 * @param message   the sentence reports and failures print: value, bound, test and where to look
 */
public record MetricOutcome(
        Metric metric,
        Bound bound,
        Verdict verdict,
        Double value,
        long samples,
        Double lower,
        Double upper,
        String message) {

    /** The bound as declared: {@code 150ms..200ms}. */
    public String boundText() {
        return bound.text();
    }

    /** The measured value as text in the metric's unit, or "not measured". */
    public String formattedValue() {
        return value == null ? "not measured" : metric.kind().format(value);
    }
}
