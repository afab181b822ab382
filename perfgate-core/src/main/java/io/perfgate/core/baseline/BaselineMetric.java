package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The baseline of one metric: its replicate values, and when and on which commit they were measured
 * (an accepted metric may be newer than the rest of its test's baseline).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineMetric(List<Double> values, Instant recordedAt, String commit) {

    public BaselineMetric {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public double[] array() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
