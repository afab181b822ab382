package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * JVM-wide memory figures taken around a measurement; a null field was not measured.
 *
 * @param heapTrend heap after GC sampled across the measurement, for leak detection; null unless a leak
 *                  bound was declared
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryMeasurement(
        Long heapAfterGcBytes,
        Double allocatedBytesPerInvocation,
        Long gcPauseMaxNanos,
        Long gcTimeNanos,
        Long gcCount,
        HeapTrend heapTrend) {

    /** Figures without a heap trend (no leak bound declared). */
    public MemoryMeasurement(Long heapAfterGcBytes, Double allocatedBytesPerInvocation, Long gcPauseMaxNanos,
                             Long gcTimeNanos, Long gcCount) {
        this(heapAfterGcBytes, allocatedBytesPerInvocation, gcPauseMaxNanos, gcTimeNanos, gcCount, null);
    }

    /** The same figures with a heap trend attached. */
    public MemoryMeasurement withHeapTrend(HeapTrend trend) {
        return new MemoryMeasurement(heapAfterGcBytes, allocatedBytesPerInvocation, gcPauseMaxNanos, gcTimeNanos,
                gcCount, trend);
    }
}
