package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A recorded decision to accept a change of one metric: the metric was re-baselined on purpose.
 *
 * @param metric        the metric's label, {@code p95}
 * @param reason        why, as the team wrote it
 * @param acceptedAt    when
 * @param commit        the code version whose values became the baseline
 * @param previousValue the metric's baseline value before (median of replicates), in its unit
 * @param acceptedValue the new baseline value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Acceptance(String metric, String reason, Instant acceptedAt, String commit, Double previousValue,
                         Double acceptedValue) {
}
