package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a test was driven, as resolved from its workload annotation, the defaults and the profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workload(
        String profile,
        long warmupInvocations,
        long warmupNanos,
        long invocations,
        long durationNanos,
        int threads,
        long maxDurationNanos) {
}
