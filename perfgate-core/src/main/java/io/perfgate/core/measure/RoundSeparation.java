package io.perfgate.core.measure;

/**
 * Decides before each round whether a full collection should separate it from what ran before.
 *
 * <p>A collection between rounds is there so that garbage left by the warmup or one round does not set off a
 * collection inside the next, which would land in that round's latency and make the rounds (the replicates
 * regression detection compares) unequal. It costs about 20 ms a time on a test JVM, whatever the body: ten rounds
 * of a trivial body paid 200 ms for nothing. So a round gets one only when it can matter:
 * <ul>
 *   <li>always when memory is measured: heap after GC, per-round heap and GC pauses need a collected heap;</li>
 *   <li>always when this JVM cannot count allocated bytes per thread (nothing to decide on);</li>
 *   <li>otherwise when the measuring threads allocated at least {@link #GARBAGE_WORTH_A_GC} since the last
 *       collection perfgate asked for (warmup included). Less garbage than that fills a small part of even a
 *       small young generation, so the chance that it sets off a collection inside a round is as small as the
 *       chance that the test framework's own allocation does; above it, the collection is paid between rounds,
 *       where it is not timed, instead of inside one.</li>
 * </ul>
 * The rounds themselves are kept: the replicates stay, only the needless collections go.
 */
final class RoundSeparation {
    /** Bytes allocated by the measuring threads since the last requested collection that earn the next round one. */
    static final long GARBAGE_WORTH_A_GC = 1L << 20;

    private final boolean always;
    private long garbageSinceGc;

    /** @param memoryMeasured whether the run measures memory (then every round is separated) */
    RoundSeparation(boolean memoryMeasured) {
        this.always = memoryMeasured || !ThreadAllocation.supported();
    }

    /** Counts what the measuring threads allocated; a negative figure (not measured) counts as worth a collection. */
    void allocated(long bytes) {
        garbageSinceGc = bytes < 0 ? GARBAGE_WORTH_A_GC : garbageSinceGc + bytes;
    }

    /** Whether the next round should start with a full collection. */
    boolean collectBeforeRound() {
        return always || garbageSinceGc >= GARBAGE_WORTH_A_GC;
    }

    /** Called after the collection: the garbage counted so far is gone. */
    void collected() {
        garbageSinceGc = 0;
    }
}
