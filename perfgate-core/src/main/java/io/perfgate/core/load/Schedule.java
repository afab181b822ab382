package io.perfgate.core.load;

import java.util.concurrent.locks.LockSupport;

/** When requests start: the open model's arrival schedule or the closed model's users. */
interface Schedule {
    /** Dispatches the run on the calling thread until its measured phase ends, the run stops or the deadline passes. */
    void run(long deadline);

    /** The connection finished an iteration and is free (called on any thread). */
    void freed(Connection connection);

    /** The run is over: whatever still waits to be sent is counted as timed out. */
    default void drain() {
    }

    /** Whether the run had a schedule to keep (arrivals, or users that think), as the self-check sees it. */
    boolean scheduled();

    default long peakWaiting() {
        return 0;
    }

    default boolean overflowed() {
        return false;
    }

    default boolean abandoned() {
        return false;
    }

    static Schedule of(LoadEngine engine, LoadShape shape, java.util.SplittableRandom random) {
        return shape instanceof LoadShape.Open open ? new OpenSchedule(engine, open, random)
                : new ClosedSchedule(engine, (LoadShape.Closed) shape);
    }

    /** Parks until the given {@link System#nanoTime()}; returns the time it woke. */
    static long waitUntil(long intended) {
        long now = System.nanoTime();
        while (now < intended) {
            LockSupport.parkNanos(intended - now);
            now = System.nanoTime();
        }
        return now;
    }
}
