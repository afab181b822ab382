package io.perfgate.core.profile;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording of measured rounds into a {@link ProfileSummary}. Stacks are cut where perfgate's
 * measuring loop (or JMH's generated loop) calls the test body, so they start at the test or benchmark method; at
 * most {@link #MAX_STACKS} stacks of the {@link #MAX_DEPTH} frames nearest the sample are kept, and the ten heaviest
 * allocation sites and contended monitors.
 */
public final class ProfileReader {
    static final int MAX_STACKS = 100;
    static final int MAX_DEPTH = 24;
    static final int MAX_SITES = 10;
    /** The package whose frames call the test body: everything below them is perfgate's loop and JUnit. */
    private static final String LOOP_PACKAGE = "io.perfgate.core.measure.";
    /** The flight recorder's diagnostic commands, which JMH's profiler runs to stop the recording. */
    private static final String JFR_COMMANDS = "jdk.jfr.internal.dcmd.";
    /** What the JVM's lambda classes are named after. */
    private static final String LAMBDA = "$$Lambda";
    /** Where a pool's worker waits for its next task. */
    private static final String IDLE_WORKER = "java.util.concurrent.ThreadPoolExecutor.getTask";
    /** How the classes JMH generates around each benchmark method end. */
    private static final String JMH_STUB_CLASS_SUFFIX = "_jmhTest";
    /** What the loop itself calls between invocations: its clock, its histograms, its allocation counters. */
    private static final List<String> LOOP_OWN = List.of("io.perfgate.core.latency.", "io.perfgate.shaded.",
            "org.HdrHistogram.", "java.lang.System.", "jdk.internal.misc.", "sun.management.", "com.sun.management.");
    /** The frame standing for the loop's own work in a profile: it is perfgate's, not the test's. */
    public static final String MEASURING_LOOP = "perfgate.measuringLoop";
    /** The frame standing for the work of JMH's generated loop around a benchmark method. */
    public static final String JMH_LOOP = "jmh.measuringLoop";
    /** The cause JFR gives the full collections the loop runs between rounds. */
    private static final String SEPARATING_GC = "System.gc()";

    private ProfileReader() {
    }

    /**
     * @param durationNanos how long the recording ran
     * @param periodMillis  its execution sampling period
     */
    public static ProfileSummary read(Path recording, long durationNanos, int periodMillis) throws IOException {
        Map<List<String>, Long> stackSamples = new HashMap<>();
        Map<List<String>, Long> allocations = new HashMap<>();
        Map<List<String>, long[]> contention = new HashMap<>();
        long samples = 0;
        long gcPause = 0;
        int gcCount = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case JfrProfiler.EXECUTION_SAMPLE -> {
                        List<String> stack = sampledStack(event);
                        if (stack != null) {
                            stackSamples.merge(stack, 1L, Long::sum);
                            samples++;
                        }
                    }
                    case JfrProfiler.ALLOCATION_SAMPLE -> {
                        List<String> stack = event.getStackTrace() == null ? null
                                : fromBody(leafFirst(event.getStackTrace()));
                        if (stack != null && !(stack.size() == 1 && measuringLoop(stack.get(0)))) { // not the loop's own histograms and counters
                            allocations.merge(List.of(site(stack), className(event.getClass("objectClass"))),
                                    event.getLong("weight"), Long::sum);
                        }
                    }
                    case JfrProfiler.MONITOR_ENTER -> waited(contention, "monitor",
                            event.getClass("monitorClass"), event);
                    case JfrProfiler.THREAD_PARK -> {
                        if (!waitsInLoop(event.getStackTrace())) {
                            waited(contention, "park", event.getClass("parkedClass"), event);
                        }
                    }
                    case JfrProfiler.GARBAGE_COLLECTION -> {
                        // the loop's own full collections between rounds are outside every round
                        if (!SEPARATING_GC.equals(event.getString("cause"))) {
                            Duration pauses = event.getDuration("sumOfPauses");
                            gcPause += pauses == null ? 0 : pauses.toNanos();
                            gcCount++;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return summary(durationNanos, periodMillis, samples, stackSamples, allocations, contention, gcPause, gcCount);
    }

    private static ProfileSummary summary(long durationNanos, int periodMillis, long samples,
                                          Map<List<String>, Long> stackSamples, Map<List<String>, Long> allocations,
                                          Map<List<String>, long[]> contention, long gcPause, int gcCount) {
        Map<String, Integer> frameIndex = new LinkedHashMap<>();
        List<ProfileSummary.FoldedStack> stacks = new ArrayList<>();
        stackSamples.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()
                        .thenComparing(entry -> String.join(";", entry.getKey())))
                .limit(MAX_STACKS)
                .forEach(entry -> {
                    StringBuilder folded = new StringBuilder();
                    for (String frame : entry.getKey()) {
                        folded.append(folded.isEmpty() ? "" : ";")
                                .append(frameIndex.computeIfAbsent(frame, name -> frameIndex.size()));
                    }
                    stacks.add(new ProfileSummary.FoldedStack(folded.toString(), entry.getValue()));
                });
        List<ProfileSummary.AllocationSite> sites = allocations.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed())
                .limit(MAX_SITES)
                .map(entry -> new ProfileSummary.AllocationSite(entry.getKey().get(0), entry.getKey().get(1),
                        entry.getValue()))
                .toList();
        List<ProfileSummary.ContendedMonitor> monitors = contention.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> entry) -> entry.getValue()[1]).reversed())
                .limit(MAX_SITES)
                .map(entry -> new ProfileSummary.ContendedMonitor(entry.getKey().get(0), entry.getKey().get(1),
                        entry.getKey().get(2), entry.getValue()[0], entry.getValue()[1]))
                .toList();
        return new ProfileSummary(durationNanos, periodMillis, samples, List.copyOf(frameIndex.keySet()), stacks, sites,
                monitors, gcPause, gcCount, null);
    }

    /**
     * The sample's Java frames root first, starting at the test body when the loop called it; null for JFR's own
     * threads, which sample themselves writing the recording, and for its commands that stop it.
     */
    static List<String> sampledStack(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null || thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith("JFR ")
                || trace.getFrames().stream().anyMatch(frame -> frame.getMethod() != null
                && frame.getMethod().getType().getName().startsWith(JFR_COMMANDS))) {
            return null;
        }
        return fromBody(leafFirst(trace));
    }

    private static List<String> leafFirst(RecordedStackTrace trace) {
        List<String> leafFirst = new ArrayList<>();
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.isJavaFrame() && frame.getMethod() != null) {
                leafFirst.add(name(frame));
            }
        }
        return leafFirst;
    }

    /**
     * Root first, below the loop's frames and the plumbing that calls the body; at most MAX_DEPTH frames. A sample
     * in the loop's own work (timing, recording a latency) is the single frame {@link #MEASURING_LOOP}.
     */
    static List<String> fromBody(List<String> leafFirst) {
        int end = leafFirst.size();
        for (int i = 0; i < leafFirst.size(); i++) {
            if (leafFirst.get(i).startsWith(LOOP_PACKAGE) || jmhStub(leafFirst.get(i))) {
                end = i;
                break;
            }
        }
        boolean inLoop = end < leafFirst.size();
        String loop = inLoop && jmhStub(leafFirst.get(end)) ? JMH_LOOP : MEASURING_LOOP;
        while (end > 0 && plumbing(leafFirst.get(end - 1))) {
            end--;
        }
        if (inLoop && (end == 0 || LOOP_OWN.stream().anyMatch(leafFirst.get(end - 1)::startsWith))) {
            return List.of(loop);
        }
        List<String> rootFirst = new ArrayList<>(Math.min(end, MAX_DEPTH));
        for (int i = Math.min(end, MAX_DEPTH) - 1; i >= 0; i--) {
            rootFirst.add(leafFirst.get(i));
        }
        return rootFirst.isEmpty() ? null : rootFirst;
    }

    /**
     * A method of the class JMH generates to call a benchmark in its loop ({@code SortBench_sort_jmhTest}): it stands
     * where perfgate's measuring loop does in a test's profile.
     */
    private static boolean jmhStub(String frame) {
        int method = frame.lastIndexOf('.');
        return method > 0 && frame.substring(0, method).endsWith(JMH_STUB_CLASS_SUFFIX);
    }

    /** Whether a frame stands for a measuring loop's own work (perfgate's or JMH's), which is never the body's. */
    public static boolean measuringLoop(String frame) {
        return frame.equals(MEASURING_LOOP) || frame.equals(JMH_LOOP);
    }

    /** Frames between the loop and the test method: the extension's call, reflection, generated lambdas. */
    private static boolean plumbing(String frame) {
        return frame.startsWith("io.perfgate.junit.PerfGateExtension.") || frame.startsWith("jdk.internal.reflect.")
                || frame.startsWith("java.lang.reflect.") || frame.startsWith("java.lang.invoke.")
                || frame.contains("$$Lambda");
    }

    private static void waited(Map<List<String>, long[]> contention, String kind, RecordedClass monitor,
                               RecordedEvent event) {
        long[] figures = contention.computeIfAbsent(List.of(kind, className(monitor), site(event.getStackTrace())),
                key -> new long[2]);
        figures[0]++;
        figures[1] += event.getDuration().toNanos();
    }

    /**
     * Parks that are no contention of the test's: perfgate's, JUnit's or JMH's threads waiting for the next round
     * or iteration, and a pool's idle worker waiting for a task.
     */
    private static boolean waitsInLoop(RecordedStackTrace trace) {
        String site = site(trace);
        return site.startsWith("io.perfgate.") || site.startsWith("org.junit.")
                || site.startsWith("org.apache.maven.surefire.") || site.startsWith("org.openjdk.jmh.")
                || trace != null && trace.getFrames().stream().anyMatch(frame -> frame.getMethod() != null
                && IDLE_WORKER.equals(name(frame)));
    }

    /** The first frame outside the JDK, from the sample's end of a root-first stack; else that end's frame. */
    private static String site(List<String> rootFirst) {
        for (int i = rootFirst.size() - 1; i >= 0; i--) {
            String frame = rootFirst.get(i);
            if (!jdk(frame)) {
                return frame;
            }
        }
        return rootFirst.get(rootFirst.size() - 1);
    }

    /** The first frame outside the JDK: where the test's code asked for it. */
    static String site(RecordedStackTrace trace) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return "(unknown)";
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.isJavaFrame() && frame.getMethod() != null && !jdk(frame.getMethod().getType().getName())) {
                return name(frame);
            }
        }
        RecordedFrame top = trace.getFrames().get(0);
        return top.getMethod() == null ? "(unknown)" : name(top);
    }

    private static boolean jdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("javax.");
    }

    private static String name(RecordedFrame frame) {
        return typeName(frame.getMethod().getType().getName()) + "." + frame.getMethod().getName();
    }

    /**
     * A class's name as profiles show and compare it. A lambda's class is hidden, and JFR names it with a number and
     * an address that change from JVM to JVM ({@code java.util.Comparator$$Lambda$289/0x0000000800c4d248.1192923170});
     * it becomes {@code java.util.Comparator$$Lambda}, so the same lambda matches in a baseline's profile.
     */
    static String typeName(String name) {
        int lambda = name.indexOf(LAMBDA);
        return lambda < 0 ? name : name.substring(0, lambda + LAMBDA.length());
    }

    /** {@code long[]} for JFR's {@code [J}; other names as they are. */
    static String className(RecordedClass type) {
        if (type == null) {
            return "(unknown)";
        }
        String name = type.getName();
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = switch (name.substring(dimensions)) {
            case "J" -> "long";
            case "I" -> "int";
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "S" -> "short";
            case "Z" -> "boolean";
            default -> name.substring(dimensions).replaceFirst("^L(.*);$", "$1");
        };
        return element + "[]".repeat(dimensions);
    }
}
