package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/** JVM-wide memory figures taken around a measurement; a null field was not measured. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryMeasurement(
        Long heapAfterGcBytes,
        Double allocatedBytesPerInvocation,
        Long gcPauseMaxNanos,
        Long gcTimeNanos,
        Long gcCount) {
}
