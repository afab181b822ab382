package io.perfgate.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact, bounded summary of the JFR recording made during a test's measured rounds, kept in its result
 * file (and so in its baseline): the most frequent sampled stacks, the top allocation sites, the most
 * contended monitors and the time GC paused the JVM.
 *
 * @param durationNanos        how long the recording ran (the measured rounds)
 * @param samplingPeriodMillis the execution sampling period
 * @param executionSamples     every execution sample kept, those of stacks left out of {@code stacks} included
 * @param frames               the frame table: {@code package.Class.method}; stacks refer to it by index
 * @param stacks               folded stacks, root first, as frame indices joined by {@code ;}, most samples first
 * @param allocations          allocation sites by sampled bytes, most first
 * @param contention           monitors and parks waited on above the threshold, longest total wait first
 * @param gcPauseNanos         the sum of GC pauses during the recording
 * @param gcCount              garbage collections during the recording
 * @param recordingFile        the kept {@code .jfr} file, relative to the results directory; null when not kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileSummary(
        long durationNanos,
        int samplingPeriodMillis,
        long executionSamples,
        List<String> frames,
        List<FoldedStack> stacks,
        List<AllocationSite> allocations,
        List<ContendedMonitor> contention,
        long gcPauseNanos,
        int gcCount,
        String recordingFile) {

    public ProfileSummary {
        frames = frames == null ? List.of() : List.copyOf(frames);
        stacks = stacks == null ? List.of() : List.copyOf(stacks);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        contention = contention == null ? List.of() : List.copyOf(contention);
    }

    /** One folded stack: frame indices root first, joined by {@code ;}, and how many samples ended in it. */
    public record FoldedStack(String frames, long samples) {
    }

    /**
     * Where sampled allocations were made.
     *
     * @param site        the first frame of the allocating stack outside the JDK ({@code shop.Cart.add})
     * @param objectClass what was allocated
     * @param bytes       the bytes the samples stand for (JFR's sample weight)
     */
    public record AllocationSite(String site, String objectClass, long bytes) {
    }

    /**
     * A monitor (or park blocker) threads waited on longer than the threshold.
     *
     * @param kind        {@code monitor} (synchronized) or {@code park} (java.util.concurrent locks)
     * @param objectClass the monitor's or blocker's class
     * @param site        the first frame outside the JDK of the waiting stack
     */
    public record ContendedMonitor(String kind, String objectClass, String site, long events, long totalNanos) {
    }

    /** A stack with frame names, root first. */
    public record Stack(List<String> frames, long samples) {
        public Stack {
            frames = List.copyOf(frames);
        }
    }

    /** The stacks with their frame names, root first, most samples first. */
    public List<Stack> namedStacks() {
        List<Stack> named = new ArrayList<>(stacks.size());
        for (FoldedStack stack : stacks) {
            List<String> names = stack.frames().isEmpty() ? List.of()
                    : Arrays.stream(stack.frames().split(";")).map(index -> frames.get(Integer.parseInt(index))).toList();
            named.add(new Stack(names, stack.samples()));
        }
        return named;
    }

    /** Paused time as a share of the recording, 0..1; 0 for an empty recording. */
    public double gcShare() {
        return durationNanos <= 0 ? 0 : Math.min(1, (double) gcPauseNanos / durationNanos);
    }

    /** The same summary, naming the kept recording. */
    public ProfileSummary withRecordingFile(String file) {
        return new ProfileSummary(durationNanos, samplingPeriodMillis, executionSamples, frames, stacks, allocations,
                contention, gcPauseNanos, gcCount, file);
    }
}
