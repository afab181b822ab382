package io.perfgate.core.measure;

import io.perfgate.core.result.Measurement;

import java.util.List;

/**
 * What a {@link MeasuringLoop} run produced.
 *
 * @param measurement          what goes into the result file
 * @param capped               the cap on the test's time stopped the run before its plan was done
 * @param measurementEndNanos  {@code System.nanoTime()} when the last round ended
 * @param heapAfterGcByRound   heap in use after the collection before each round and after the last one, in
 *                             bytes, when memory was measured (the trend a leak shows in); empty otherwise
 */
public record MeasuredRun(Measurement measurement, boolean capped, long measurementEndNanos,
                          List<Long> heapAfterGcByRound) {

    public MeasuredRun {
        heapAfterGcByRound = List.copyOf(heapAfterGcByRound);
    }
}
