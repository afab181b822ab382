package io.perfgate.core.jmh;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JMH profiler, run by JMH in each fork, that measures the share of each iteration the benchmark's threads waited
 * for a CPU: the Linux scheduler's run-queue wait of JMH's worker threads ({@code /proc/self/task/<tid>/schedstat})
 * over the iteration's wall time and thread count. A busy machine slows an iteration without the code being any
 * slower; {@link SteadyState} takes that wait out before it calls a fork still warming up.
 * <p>
 * JMH loads it by name from a directory {@link JmhRunner} puts on the class path, so it uses the JDK and JMH's
 * API only (and a constant of {@link JmhRun}, which the compiler copies in). Where the system does not say (not
 * Linux, virtual worker threads), it reports nothing.
 */
public final class CpuWaitProfiler implements InternalProfiler {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String WORKER = "-jmh-worker-";
    /** Linux keeps 15 bytes of a thread's name as its command name. */
    private static final int COMMAND_NAME_LENGTH = 15;
    /** Where a JDK shortens a long name in the middle instead ({@code C2 Com..hread4}), the cut it marks. */
    private static final String MIDDLE_CUT = "..";

    private Map<String, Long> waitAtStart = Map.of();
    private long startNanos;

    public CpuWaitProfiler() {
    }

    /** JMH's constructor for options after the profiler's name; this one has none. */
    public CpuWaitProfiler(String options) {
    }

    @Override
    public String getDescription() {
        return "perfgate: the share of each iteration the benchmark threads waited for a CPU (Linux schedstat)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        waitAtStart = workerWaits();
        startNanos = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long wallNanos = System.nanoTime() - startNanos;
        Map<String, Long> waitAtEnd = workerWaits();
        if (waitAtEnd.isEmpty() || wallNanos <= 0) {
            return List.of();
        }
        long waited = 0;
        for (Map.Entry<String, Long> thread : waitAtEnd.entrySet()) {
            // a worker started during the iteration waited all its wait in it
            waited += thread.getValue() - waitAtStart.getOrDefault(thread.getKey(), 0L);
        }
        double share = Math.max(0, Math.min(1, (double) waited / wallNanos / Math.max(1, waitAtEnd.size())));
        return List.of(new ScalarResult(JmhRun.CPU_WAIT, share, "share", AggregationPolicy.AVG));
    }

    /** The run-queue wait so far of each of JMH's worker threads, by task id; empty where the system does not say. */
    private static Map<String, Long> workerWaits() {
        Set<String> workerNames = new HashSet<>();
        for (Thread thread : liveThreads()) {
            if (thread != null && thread.getName().contains(WORKER)) {
                workerNames.add(thread.getName());
            }
        }
        Map<String, Long> waits = new HashMap<>();
        if (workerNames.isEmpty() || !Files.isDirectory(TASKS)) {
            return waits;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String command = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                    if (workerNames.stream().anyMatch(name -> isCommandNameOf(command, name))) {
                        String[] schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII)
                                .strip().split("\\s+");
                        waits.put(task.getFileName().toString(), Long.parseLong(schedstat[1]));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading: it is no longer a worker of this iteration
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return waits;
    }

    /** The JVM's live threads, without the safepoint and stack walks of {@link Thread#getAllStackTraces}. */
    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        root.enumerate(threads, true);
        return threads;
    }

    /**
     * Whether a task's command name stands for the thread: its whole name when short, else its first 15 bytes as
     * JDKs have set it, or its start and end around a {@code ..} where a JDK shortens it in the middle (JDK-8368124).
     */
    static boolean isCommandNameOf(String command, String threadName) {
        byte[] bytes = threadName.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= COMMAND_NAME_LENGTH) {
            return command.equals(threadName);
        }
        if (command.equals(new String(bytes, 0, COMMAND_NAME_LENGTH, StandardCharsets.UTF_8))) {
            return true;
        }
        int cut = command.indexOf(MIDDLE_CUT);
        if (cut < 0) {
            return false;
        }
        String head = command.substring(0, cut);
        String tail = command.substring(cut + MIDDLE_CUT.length());
        return head.length() + tail.length() < threadName.length() && threadName.startsWith(head)
                && threadName.endsWith(tail);
    }
}
