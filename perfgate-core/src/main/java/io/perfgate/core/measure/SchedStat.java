package io.perfgate.core.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The Linux scheduler's per-thread statistics ({@code /proc/thread-self/schedstat}: time on a CPU, time runnable
 * but waiting in a run queue, and time slices, the times in nanoseconds). The second figure is what a busy
 * machine costs a measuring thread: time it wanted a CPU and had none. A read costs 20 to 50 us, so it is read
 * at the start and end of each round, never per invocation.
 */
final class SchedStat {
    static final Path CURRENT_THREAD = Path.of("/proc/thread-self/schedstat");
    private static final boolean AVAILABLE = waitNanos(read(CURRENT_THREAD)).isPresent();

    private SchedStat() {
    }

    /** Whether this system reports run-queue wait per thread (Linux with schedstats). */
    static boolean available() {
        return AVAILABLE;
    }

    /** The calling thread's run-queue wait so far in nanoseconds; -1 where the system does not say. */
    static long currentThreadWaitNanos() {
        return AVAILABLE ? waitNanos(read(CURRENT_THREAD)).orElse(-1) : -1;
    }

    /** The run-queue wait from a schedstat line ({@code "11833827277 170219244 257"}); empty when it is no such line. */
    static OptionalLong waitNanos(String schedstat) {
        if (schedstat == null) {
            return OptionalLong.empty();
        }
        String[] fields = schedstat.strip().split("\\s+");
        if (fields.length < 3) {
            return OptionalLong.empty();
        }
        try {
            long wait = Long.parseLong(fields[1]);
            return wait < 0 ? OptionalLong.empty() : OptionalLong.of(wait);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // not Linux, or /proc hidden: the CPU-time estimate takes over
        }
    }
}
