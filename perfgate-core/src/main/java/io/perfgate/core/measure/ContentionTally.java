package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;


/**
 * Adds up, over a run's rounds, the CPU wait of kept and discarded rounds, and the CPU time of all of them (waiting
 * for a CPU uses none, so a discarded round's CPU time is as good as a kept one's).
 */
final class ContentionTally {
    private final ContentionRule rule;
    private boolean allFromSchedstat = true;
    private long keptWait;
    private long keptThreadNanos;
    private long discardedWait;
    private long discardedThreadNanos;
    private long discardedDuration;
    private double worstShare;
    private int kept;
    private int discarded;
    private final LatencyHistogram discardedLatency = new LatencyHistogram();
    private long cpuNanos;
    private long cpuInvocations;
    private boolean cpuMeasured = true;
    private LatencyHistogram cpuHistogram;

    ContentionTally(ContentionRule rule) {
        this.rule = rule;
    }

    /** Whether the round is discarded; counts it either way. */
    boolean discards(RoundTally round) {
        allFromSchedstat &= round.waitFromSchedstat();
        double share = round.waitShare();
        if (!Double.isNaN(share)) {
            worstShare = Math.max(worstShare, share);
        }
        cpuMeasured &= round.cpuMeasured;
        cpuNanos += round.cpuNanos;
        cpuInvocations += round.invocations;
        if (round.cpuHistogram != null) {
            if (cpuHistogram == null) {
                cpuHistogram = new LatencyHistogram();
            }
            cpuHistogram.add(round.cpuHistogram);
        }
        if (rule.discards(round)) {
            discarded++;
            discardedWait += round.waitedNanos();
            discardedThreadNanos += round.threadNanos;
            discardedDuration += round.durationNanos();
            discardedLatency.add(round.histogram);
            return true;
        }
        kept++;
        keptWait += round.waitedNanos();
        keptThreadNanos += round.threadNanos;
        return false;
    }

    int discarded() {
        return discarded;
    }

    Contention contention(int plannedRounds) {
        return new Contention(allFromSchedstat ? Contention.SCHEDSTAT : Contention.CPU_TIME,
                share(keptWait + discardedWait, keptThreadNanos + discardedThreadNanos), share(keptWait, keptThreadNanos), worstShare, rule.maxWaitShare(), kept, discarded, plannedRounds,
                discarded == 0 ? null : share(discardedWait, discardedThreadNanos), discardedDuration,
                discarded == 0 ? null : discardedLatency.encode(), Contention.loadPerCoreNow());
    }

    /** Every measured round's CPU time; null when the JVM does not measure it. */
    CpuTime cpuTime() {
        return cpuMeasured && ThreadCpuClock.supported()
                ? new CpuTime(cpuNanos, cpuInvocations, cpuHistogram == null ? null : cpuHistogram.encode()) : null;
    }

    private static double share(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(1, (double) part / whole);
    }

}
