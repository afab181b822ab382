import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.measure.ContentionRule;
import io.perfgate.core.measure.MeasuredRun;
import io.perfgate.core.measure.MeasuringListener;
import io.perfgate.core.measure.MeasuringLoop;
import io.perfgate.core.measure.Profile;
import io.perfgate.core.measure.SampleRequirement;
import io.perfgate.core.measure.ThreadCpuClock;
import io.perfgate.core.measure.WorkloadPlan;
import io.perfgate.core.measure.WorkloadRequest;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Driven by bench/contention.sh and bench/cpu-time-cost.sh.
 *
 * <p>{@code rounds <label>}: a CPU-bound body (SHA-256 of 16 KB, or {@code -DbodyKb=...}) measured by perfgate's loop in 10 rounds of
 * 1 s, every round kept; prints one line per round (its CPU wait share, p50 and CPU time per invocation).
 * {@code rule <label>}: the same under the default contention rule; prints what was kept and discarded.
 * {@code cost}: what a thread-CPU-time read, a schedstat read and nanoTime cost, and the loop's cost per
 * invocation of an empty body with and without per-invocation CPU timing.
 */
public class ContentionBench {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "rounds" -> rounds(args[1], ContentionRule.NEVER);
            case "rule" -> rounds(args[1], ContentionRule.fromSystemProperties());
            case "cost" -> cost();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void rounds(String label, ContentionRule rule) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] data = new byte[Integer.getInteger("bodyKb", 16) * 1024];
        WorkloadPlan plan = WorkloadPlan.resolve(Profile.STANDARD, new WorkloadRequest("2s", -1, -1, "10s", 1, "60s",
                "@PerfTest", "ContentionBench"), SampleRequirement.NONE);
        MeasuredRun run = new MeasuringLoop(plan, false, thrown -> false, MeasuringListener.NONE, rule, false)
                .run(() -> sink = digest.digest(data));
        Measurement measurement = run.measurement();
        Contention contention = measurement.contention();
        if (rule == ContentionRule.NEVER) {
            int index = 0;
            for (Round round : measurement.rounds()) {
                LatencyHistogram histogram = LatencyHistogram.decode(round.latencyHistogram());
                System.out.printf(Locale.ROOT, "ROUND label=%s round=%d wait=%.4f p50_ns=%d mean_ns=%.0f cpu_ns=%.0f%n",
                        label, ++index, round.cpuWaitShare(), histogram.valueAtQuantile(0.5), histogram.mean(),
                        round.cpuPerInvocation());
            }
        }
        LatencyHistogram kept = LatencyHistogram.decode(measurement.latencyHistogram());
        System.out.printf(Locale.ROOT, "RUN label=%s source=%s kept=%d discarded=%d planned=%d kept_wait=%.4f"
                        + " worst_wait=%.4f p50_ns=%d cpu_ns=%.0f load_per_core=%.2f seconds=%.1f%n", label,
                contention.source(), contention.keptRounds(), contention.discardedRounds(), contention.plannedRounds(),
                contention.keptWaitShare(), contention.worstWaitShare(), kept.valueAtQuantile(0.5),
                measurement.cpu().perInvocation(),
                contention.loadPerCore() == null ? Double.NaN : contention.loadPerCore(),
                measurement.durationNanos() / 1e9);
    }

    private static void cost() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        for (int repeat = 0; repeat < 3; repeat++) {
            int n = 1_000_000;
            long sum = 0;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sum += System.nanoTime();
            }
            long nano = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sum += threads.getCurrentThreadCpuTime();
            }
            long cpu = System.nanoTime() - start;
            int reads = 10_000;
            start = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                sum += Files.readAllBytes(Path.of("/proc/thread-self/schedstat")).length;
            }
            long sched = System.nanoTime() - start;
            sink = sum;
            System.out.printf(Locale.ROOT, "COST nanoTime_ns=%.1f threadCpuTime_ns=%.1f schedstat_read_us=%.1f%n",
                    (double) nano / n, (double) cpu / n, sched / 1e3 / reads);
        }
        for (int repeat = 0; repeat < 3; repeat++) {
            for (boolean perInvocation : new boolean[] {false, true}) {
                WorkloadPlan plan = WorkloadPlan.resolve(Profile.STANDARD, new WorkloadRequest("1s", -1, -1, "3s", 1,
                        "30s", "@PerfTest", "ContentionBench"), SampleRequirement.NONE);
                MeasuredRun run = new MeasuringLoop(plan, false, thrown -> false, MeasuringListener.NONE,
                        ContentionRule.NEVER, perInvocation).run(() -> { });
                Measurement m = run.measurement();
                // timed ns per invocation leave the CPU-time reads out; the slices' wall time (3 s) holds them
                System.out.printf(Locale.ROOT, "LOOP cpu_per_invocation=%s timed_ns_per_invocation=%.1f"
                                + " wall_ns_per_invocation=%.1f%n", perInvocation,
                        (double) m.durationNanos() / m.invocations(), (double) plan.durationNanos() / m.invocations());
            }
        }
        System.out.println("CPU time supported: " + ThreadCpuClock.supported());
    }
}
