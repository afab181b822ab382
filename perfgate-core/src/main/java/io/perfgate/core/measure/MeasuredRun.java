package io.perfgate.core.measure;

import io.perfgate.core.result.Measurement;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * What a {@link MeasuringLoop} run produced.
 *
 * @param measurement          what goes into the result file
 * @param capped               the cap on the test's time stopped the run before its plan was done
 * @param measurementEndNanos  {@code System.nanoTime()} when the last round ended
 * @param heapAfterGcByRound   heap in use after the collection before each round and after the last one, in
 *                             bytes, when memory was measured (the trend a leak shows in); empty otherwise
 * @param firstError           what the first measured invocation that threw threw (its text is
 *                             {@link Measurement#firstError()}); null when none threw
 * @param allFailed            the run stopped early because its first measured invocations all threw
 *                             (see {@link MeasuringLoop#ALL_FAILED_STOP})
 */
public record MeasuredRun(Measurement measurement, boolean capped, long measurementEndNanos,
                          List<Long> heapAfterGcByRound,
                          Throwable firstError,
                          boolean allFailed) {

    public MeasuredRun {
        heapAfterGcByRound = List.copyOf(heapAfterGcByRound);
    }

    /** A run in which no invocation threw. */
    public MeasuredRun(Measurement measurement, boolean capped, long measurementEndNanos, List<Long> heapAfterGcByRound) {
        this(measurement, capped, measurementEndNanos, heapAfterGcByRound, null, false);
    }

    /**
     * The first error's stack trace, at most {@code maxLines} lines (causes included), so the user can find where
     * the body failed without a flood of the same trace; null when nothing threw.
     */
    public String firstErrorTrace(int maxLines) {
        if (firstError == null) {
            return null;
        }
        StringWriter text = new StringWriter();
        firstError.printStackTrace(new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        if (lines.size() <= maxLines) {
            return String.join(System.lineSeparator(), lines);
        }
        return String.join(System.lineSeparator(), lines.subList(0, maxLines)) + System.lineSeparator()
                + "\t... " + (lines.size() - maxLines) + " more lines";
    }
}
