package io.perfgate.core.result;

/**
 * The heap in use right after a forced full collection, taken between invocations.
 *
 * @param invocations      measured invocations completed when the sample was taken
 * @param measuredNanos    time spent in the measured body by then (forced collections excluded)
 * @param heapAfterGcBytes heap in use after the collection
 */
public record HeapSample(long invocations, long measuredNanos, long heapAfterGcBytes) {
}
