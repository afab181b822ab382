package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generator's check on itself: did the dispatcher keep its schedule, and was the I/O thread free enough to
 * let the server set the pace? A run that fails it is behind schedule, which makes its verdict INCONCLUSIVE.
 * Lateness is noted by the dispatcher thread only; the I/O thread's busy time is sampled at the start and the
 * end of the measured phase.
 */
final class SelfCheck {
    /** A dispatcher this late gives up: the run cannot say anything about the server any more. */
    static final long ABANDON_LAG_NANOS = 2_000_000_000L;

    private volatile Thread ioThread;
    private volatile String ioTaskPath;
    private long[] ioAtMeasureStart;
    private long scheduledStarts;
    private long lateStarts;
    private long maxLagNanos;

    /** Remembers the I/O thread the first time a callback runs on it. */
    void noteIoThread() {
        if (ioThread != null) {
            return;
        }
        ioThread = Thread.currentThread();
        try {
            Path self = Path.of("/proc/thread-self");
            if (Files.exists(self)) {
                ioTaskPath = "/proc/" + Files.readSymbolicLink(self) + "/schedstat";
            }
        } catch (IOException | RuntimeException e) {
            ioTaskPath = null;
        }
    }

    /** The measured phase begins now: the I/O thread's busy time is counted from here (once). */
    void measuringStarts() {
        if (ioAtMeasureStart == null) {
            ioAtMeasureStart = ioSampleAt(System.nanoTime());
            if (ioAtMeasureStart == null) {
                ioAtMeasureStart = new long[0];
            }
        }
    }

    boolean measuring() {
        return ioAtMeasureStart != null;
    }

    /** A measured start the dispatcher owed, handed over {@code lag} nanoseconds after it was due. */
    void noteLag(long lag) {
        scheduledStarts++;
        if (lag > GeneratorHealth.LATE_NANOS) {
            lateStarts++;
        }
        if (lag > maxLagNanos) {
            maxLagNanos = lag;
        }
    }

    GeneratorHealth health(long end, long peakWaiting) {
        long[] before = ioAtMeasureStart;
        long[] after = ioSampleAt(end);
        double ioBusy = Double.NaN;
        if (before != null && before.length == 3 && after != null && after[2] > before[2]) {
            ioBusy = (double) (after[0] - before[0] + after[1] - before[1]) / (after[2] - before[2]);
        }
        return new GeneratorHealth(scheduledStarts, lateStarts, maxLagNanos, ioBusy, peakWaiting);
    }

    /**
     * Why the run could not keep its schedule, or null. For a run with no schedule (users back to back) a busy
     * I/O thread is a note, not a reason: it measures the maximum throughput of both sides together.
     *
     * @param scheduled  whether the run had a schedule to keep (open model, or users that think)
     * @param overflowed whether more arrivals waited for a connection than the generator holds
     * @param abandoned  whether the dispatcher gave up, too far behind
     */
    static String behindSchedule(GeneratorHealth health, boolean scheduled, boolean overflowed, boolean abandoned,
                                 int pendingLimit, List<String> notes) {
        List<String> reasons = new ArrayList<>();
        if (scheduled && health.dispatcherBehind()) {
            reasons.add(String.format(Locale.ROOT, "the generator fell behind its schedule: its dispatcher"
                            + " started %s of %s requests more than %s late (worst %s), so it could not offer the planned load",
                    QuantityKind.PERCENT.format(health.lateShare()), QuantityKind.grouped(health.scheduledStarts()),
                    Rates.formatNanos(GeneratorHealth.LATE_NANOS), Rates.formatNanos(health.maxLagNanos())));
        }
        if (scheduled && health.ioBusyFraction() > GeneratorHealth.IO_BUSY_LIMIT) {
            reasons.add("the generator's I/O thread was busy " + QuantityKind.PERCENT.format(health.ioBusyFraction())
                    + " of the run, so the generator, not the server, may have set the pace");
        }
        if (overflowed) {
            reasons.add("more than " + QuantityKind.grouped(pendingLimit) + " requests waited for a connection at once");
        }
        if (abandoned) {
            reasons.add("the generator fell more than " + Rates.formatNanos(ABANDON_LAG_NANOS)
                    + " behind its schedule and stopped offering load");
        }
        if (!scheduled && health.ioBusyFraction() > GeneratorHealth.IO_BUSY_LIMIT) {
            notes.add("the generator's I/O thread was busy " + QuantityKind.PERCENT.format(health.ioBusyFraction())
                    + ": the throughput may be the generator's limit rather than the server's");
        }
        if (reasons.isEmpty()) {
            return null;
        }
        return String.join("; ", reasons) + ": lower the rate, or give the generator more CPU (is the machine busy"
                + " with other work?), or run the service on another machine";
    }

    /**
     * {time running, time waiting for a CPU, wall time} of the I/O thread, in nanoseconds. On Linux from
     * schedstat (both parts); elsewhere the thread's CPU time only.
     */
    private long[] ioSampleAt(long wall) {
        String path = ioTaskPath;
        if (path != null) {
            try {
                String[] fields = Files.readString(Path.of(path)).trim().split("\\s+");
                return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), wall};
            } catch (IOException | RuntimeException e) {
                // fall back to CPU time
            }
        }
        Thread thread = ioThread;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (thread != null && threads.isThreadCpuTimeSupported()) {
            long cpu = threads.getThreadCpuTime(thread.getId());
            if (cpu >= 0) {
                return new long[] {cpu, 0, wall};
            }
        }
        return null;
    }
}
