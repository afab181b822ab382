package bench;

import io.perfgate.core.profile.JfrProfiler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU cost of perfgate's JFR profile ({@link JfrProfiler}, as gated tests are recorded) on a realistic body
 * ({@link PerfgateCheckoutBody#checkout()}) and an empty one, measured as CPU time per invocation
 * rather than wall time, so a busy shared machine's scheduling delays cancel out: the measuring thread's own CPU
 * time (what sampling and allocation sampling add to the body) and the whole process's (JFR's own threads too).
 * Recording off and on alternate in one warmed JVM, in slices of a fixed number of invocations.
 *
 * Usage (bench/profiling-overhead.sh runs it): java -cp <bench classpath> bench.ProfilingCpu [pairs, default 6]
 */
public class ProfilingCpu {
    static volatile long counter;

    static void empty() {
        counter++;
    }

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** [thread CPU ns, process CPU ns] per invocation over n invocations, with or without the recording. */
    static double[] slice(Runnable body, long n, boolean profiled) throws Exception {
        Path file = Files.createTempFile("profiling-cpu", ".jfr");
        JfrProfiler profiler = profiled ? new JfrProfiler(file) : null;
        if (profiler != null) {
            profiler.measuringStarted();
        }
        long thread = THREADS.getCurrentThreadCpuTime();
        long process = OS.getProcessCpuTime();
        for (long i = 0; i < n; i++) {
            body.run();
        }
        double[] perInvocation = {(THREADS.getCurrentThreadCpuTime() - thread) / (double) n,
                (OS.getProcessCpuTime() - process) / (double) n};
        if (profiler != null) {
            profiler.measuringEnded();
        }
        Files.deleteIfExists(file);
        return perInvocation;
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        System.out.println(Runtime.version() + "; " + Runtime.getRuntime().availableProcessors() + " CPUs; load "
                + String.format(Locale.ROOT, "%.2f", OS.getSystemLoadAverage()));
        PerfgateCheckoutBody checkout = new PerfgateCheckoutBody();
        run("checkout", checkout::checkout, 100_000, pairs);
        run("empty", ProfilingCpu::empty, 300_000_000, pairs);
    }

    static void run(String name, Runnable body, long perSlice, int pairs) throws Exception {
        for (int i = 0; i < 3; i++) { // warm up both ways: JIT, and JFR's own start-up
            slice(body, perSlice, i % 2 == 1);
        }
        double[] ratiosThread = new double[pairs];
        double[] ratiosProcess = new double[pairs];
        for (int pair = 0; pair < pairs; pair++) {
            boolean onFirst = pair % 2 == 1;
            double[] first = slice(body, perSlice, onFirst);
            double[] second = slice(body, perSlice, !onFirst);
            double[] off = onFirst ? second : first;
            double[] on = onFirst ? first : second;
            ratiosThread[pair] = on[0] / off[0];
            ratiosProcess[pair] = on[1] / off[1];
            System.out.printf(Locale.ROOT, "%s pair %d: thread CPU %.1f ns off, %.1f ns on (x%.4f); process CPU %.1f ns"
                    + " off, %.1f ns on (x%.4f)%n", name, pair + 1, off[0], on[0], ratiosThread[pair], off[1], on[1],
                    ratiosProcess[pair]);
        }
        java.util.Arrays.sort(ratiosThread);
        java.util.Arrays.sort(ratiosProcess);
        System.out.printf(Locale.ROOT, "%s: median on/off, thread CPU per invocation x%.4f (%+.2f %%), process CPU"
                        + " x%.4f (%+.2f %%)%n", name, median(ratiosThread), 100 * (median(ratiosThread) - 1),
                median(ratiosProcess), 100 * (median(ratiosProcess) - 1));
    }

    static double median(double[] sorted) {
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
