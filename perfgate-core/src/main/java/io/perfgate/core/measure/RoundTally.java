package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Round;

import java.util.List;

/**
 * One round's slices merged: what the round measured, the CPU its threads used and how long they waited for one.
 * The wait share comes from the kernel's run-queue time where it is known ({@link SchedStat}); elsewhere it is
 * estimated as the wall time the threads did not spend on a CPU, an upper bound since blocking counts too.
 */
final class RoundTally {
    final LatencyHistogram histogram = new LatencyHistogram();
    /** Each successful invocation's CPU time; null unless timed per invocation. */
    LatencyHistogram cpuHistogram;
    long invocations;
    long errors;
    long startNanos = Long.MAX_VALUE;
    long endNanos = Long.MIN_VALUE;
    /** Bytes the threads allocated; -1 when any of them could not say. */
    long allocatedBytes;
    long cpuNanos;
    long waitNanos;
    /** The threads' measured time added up: what the wait and CPU time are shares of. */
    long threadNanos;
    boolean waitMeasured = true;
    boolean cpuMeasured = true;
    boolean anyRan;
    boolean hitHardStop;
    boolean stoppedFailing;

    static RoundTally of(List<Worker.Slice> slices) {
        RoundTally round = new RoundTally();
        for (Worker.Slice slice : slices) {
            if (slice == null) {
                continue;
            }
            round.anyRan = true;
            round.histogram.add(slice.histogram());
            if (slice.cpuHistogram() != null) {
                if (round.cpuHistogram == null) {
                    round.cpuHistogram = new LatencyHistogram();
                }
                round.cpuHistogram.add(slice.cpuHistogram());
            }
            round.invocations += slice.invocations();
            round.errors += slice.errors();
            round.startNanos = Math.min(round.startNanos, slice.startNanos());
            round.endNanos = Math.max(round.endNanos, slice.endNanos());
            round.allocatedBytes = slice.allocatedBytes() < 0 || round.allocatedBytes < 0 ? -1
                    : round.allocatedBytes + slice.allocatedBytes();
            round.threadNanos += Math.max(0, slice.elapsedNanos());
            round.cpuMeasured &= slice.cpuNanos() >= 0;
            round.cpuNanos += Math.max(0, slice.cpuNanos());
            round.waitMeasured &= slice.waitNanos() >= 0;
            round.waitNanos += Math.max(0, slice.waitNanos());
            round.hitHardStop |= slice.stop() == Worker.Stop.HARD_STOP;
            round.stoppedFailing |= slice.stop() == Worker.Stop.ALL_FAILED;
        }
        return round;
    }

    long durationNanos() {
        return endNanos - startNanos;
    }

    /** The wait share comes from the kernel's run-queue time, not the CPU-time estimate. */
    boolean waitFromSchedstat() {
        return waitMeasured;
    }

    /** The threads' CPU wait over their measured time; NaN when neither source says. */
    double waitShare() {
        if (threadNanos <= 0) {
            return 0;
        }
        if (waitMeasured) {
            return Math.min(1, (double) waitNanos / threadNanos);
        }
        return cpuMeasured ? Math.max(0, 1 - (double) cpuNanos / threadNanos) : Double.NaN;
    }

    /** The waiting time the share stands for, in thread nanoseconds (estimated where schedstat is missing). */
    long waitedNanos() {
        double share = waitShare();
        return Double.isNaN(share) ? 0 : Math.round(share * threadNanos);
    }

    Round toRound() {
        double share = waitShare();
        return new Round(invocations, errors, durationNanos(), histogram.encode(), null,
                cpuMeasured ? cpuNanos : null, Double.isNaN(share) ? null : share);
    }
}
