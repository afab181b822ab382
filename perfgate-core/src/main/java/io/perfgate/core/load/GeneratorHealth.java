package io.perfgate.core.load;

/**
 * How well the generator kept its own schedule, the basis of the behind-schedule self-check.
 *
 * @param scheduledStarts  measured-phase starts the dispatcher owed (arrivals, or closed-model wake-ups)
 * @param lateStarts       of those, handed to a free connection more than {@link #LATE_NANOS} after their scheduled
 *                         time (an arrival that found every connection busy waits for the server, not the generator)
 * @param maxLagNanos      the worst lateness of the dispatcher
 * @param ioBusyFraction   share of the measured phase the I/O thread was running or waiting for a CPU;
 *                         NaN where the platform does not tell
 * @param peakWaiting      the most arrivals that waited at once for a free connection
 */
public record GeneratorHealth(long scheduledStarts, long lateStarts, long maxLagNanos, double ioBusyFraction,
                              long peakWaiting) {

    /**
     * A start handed over later than this counts as late. Shorter hiccups (a thread descheduled on a busy machine,
     * a GC pause) do not distort latency, which for a request that found a free connection is timed from its
     * actual dispatch; but a generator that stalls this long offers a burstier load than planned.
     */
    public static final long LATE_NANOS = 50_000_000L;
    /** More late starts than this share makes the run behind schedule... */
    public static final double LATE_SHARE = 0.01;
    /** ...when they are at least this many: one scheduling hiccup in a short run is not a generator that fell behind. */
    public static final long LATE_MIN_COUNT = 10;
    /** An I/O thread busier than this could not keep up: the generator, not the server, may set the pace. */
    public static final double IO_BUSY_LIMIT = 0.90;

    /** Whether the dispatcher started too many requests late to trust the offered load. */
    public boolean dispatcherBehind() {
        return lateStarts >= LATE_MIN_COUNT && lateShare() > LATE_SHARE;
    }

    public double lateShare() {
        return scheduledStarts == 0 ? 0 : (double) lateStarts / scheduledStarts;
    }
}
