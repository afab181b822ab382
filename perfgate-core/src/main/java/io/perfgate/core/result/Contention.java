package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * How busy the machine was while a test was measured: how much of its rounds' wall time the measuring threads
 * were runnable but waiting for a CPU, how many rounds were discarded for it and measured again, and the machine's
 * load per core. See docs/contention.md for the rule. A JMH benchmark's measured iterations count as its rounds
 * ({@link #ofIterations}).
 *
 * @param source                  {@value #SCHEDSTAT} when the wait was read from the kernel's per-thread run-queue
 *                                time, {@value #CPU_TIME} when estimated as wall time minus thread CPU time (an upper
 *                                bound: blocking counts as waiting, so such rounds are reported but never discarded)
 * @param measuredWaitShare       every measured round's CPU wait over its threads' time, kept and discarded rounds
 *                                together: how busy the machine was for this test
 * @param keptWaitShare           the kept rounds' CPU wait over their wall time, all measuring threads together
 * @param worstWaitShare          the highest wait share of any measured round, kept or discarded
 * @param maxWaitShare            the share beyond which a round was discarded
 * @param keptRounds              rounds whose samples the gates judge
 * @param discardedRounds         rounds discarded for waiting beyond {@code maxWaitShare}
 * @param plannedRounds           the rounds the plan asked for
 * @param discardedWaitShare      the discarded rounds' wait share together; null when none was discarded
 * @param discardedDurationNanos  the discarded rounds' wall time together (their invocations all succeeded: a round
 *                                in which the body threw is never discarded)
 * @param discardedLatencyHistogram the discarded rounds' successful-invocation latency, an encoded HdrHistogram
 *                                (never judged alone: a PASS on short clean data must hold on this too); null
 *                                when none was discarded
 * @param loadPerCore             the 1-minute load average over the available processors at the end of measuring;
 *                                null where the JVM cannot tell
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contention(
        String source,
        double measuredWaitShare,
        double keptWaitShare,
        double worstWaitShare,
        double maxWaitShare,
        int keptRounds,
        int discardedRounds,
        int plannedRounds,
        Double discardedWaitShare,
        long discardedDurationNanos,
        String discardedLatencyHistogram,
        Double loadPerCore) {

    /** What to do when a busy machine leaves a verdict open. */
    public static final String RERUN_FIX = "rerun on a quieter machine, or compare against the base commit in one"
            + " build (mvn verify perfgate:compare)";

    public static final String SCHEDSTAT = "schedstat";
    /** Waiting beyond this share explains any slowdown: the factors it gives are capped so they stay finite. */
    public static final double MAX_EXPLAINED_WAIT = 0.99;
    public static final String CPU_TIME = "cpu-time";

    /**
     * Whether the cap ran out before the plan's rounds were measured cleanly while rounds were discarded: then the
     * judged data is short and a FAIL or REGRESSED may be the machine's, not the code's.
     */
    @JsonIgnore
    public boolean unresolved() {
        return discardedRounds > 0 && keptRounds < plannedRounds;
    }

    /**
     * Whether the judged data itself waited for a CPU beyond the share allowed, as the kernel reported it. Never for
     * a test, whose kept rounds each waited at most that share (or were never discarded, by an estimate that counts
     * blocking as waiting); for a JMH benchmark, whose iterations are all kept, when they waited more on average:
     * its wall-time FAILs and REGRESSIONs may be the machine's.
     */
    @JsonIgnore
    public boolean beyondAllowed() {
        return SCHEDSTAT.equals(source) && keptRounds > 0 && keptWaitShare > maxWaitShare;
    }

    /**
     * A JMH benchmark's figures, from the share of each measured iteration its threads waited for a CPU: every
     * iteration is kept (JMH measures none again), so nothing is discarded.
     *
     * @param iterationWaits per fork, each measured iteration's share
     */
    public static Contention ofIterations(List<List<Double>> iterationWaits, double maxWaitShare,
                                          Double loadPerCore) {
        double sum = 0;
        double worst = 0;
        int iterations = 0;
        for (List<Double> fork : iterationWaits) {
            for (Double share : fork) {
                if (share != null && Double.isFinite(share)) {
                    sum += share;
                    worst = Math.max(worst, share);
                    iterations++;
                }
            }
        }
        if (iterations == 0) {
            return null;
        }
        double mean = sum / iterations;
        return new Contention(SCHEDSTAT, mean, mean, worst, maxWaitShare, iterations, 0, iterations, null, 0, null,
                loadPerCore);
    }

    /** The machine's 1-minute load average per available processor now; null where the system does not say. */
    public static Double loadPerCoreNow() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        return load < 0 ? null : load / os.getAvailableProcessors();
    }

    /** Whether every measured round was discarded: no clean round is left to judge or to compare with a baseline. */
    @JsonIgnore
    public boolean noCleanRound() {
        return keptRounds == 0 && discardedRounds > 0;
    }

    /** The wait share to name for this measurement: the discarded rounds' when there are any, else the kept ones'. */
    @JsonIgnore
    public double reportedWaitShare() {
        return discardedWaitShare != null ? Math.max(discardedWaitShare, keptWaitShare) : keptWaitShare;
    }

    /** "the measuring thread waited for a CPU 41% of the time (load 2.3 per core)". */
    @JsonIgnore
    public String waitText() {
        String text = "the measuring thread waited for a CPU " + percent(reportedWaitShare()) + " of the time";
        if (discardedRounds > 0) {
            text += " in " + discardedRounds + (discardedRounds == 1 ? " round" : " rounds") + " (beyond the "
                    + percent(maxWaitShare) + " allowed; " + keptRounds + " of " + plannedRounds
                    + " planned rounds measured cleanly" + (unresolved() ? " before measuring stopped" : "") + ")";
        } else if (beyondAllowed()) {
            text += " (beyond the " + percent(maxWaitShare) + " allowed)";
        }
        if (loadPerCore != null) {
            text += String.format(java.util.Locale.ROOT, ", machine load %.1f per core", loadPerCore);
        }
        return text;
    }

    /**
     * How many times longer waiting for a CPU a share of the time can make a total time (a mean, the time per unit
     * of a throughput, a JMH score): 1 / (1 - wait), the wait capped at {@link #MAX_EXPLAINED_WAIT}. Percentiles
     * have no such bound.
     */
    public static double stretchOfTotalTime(double waitShare) {
        return 1 / (1 - Math.min(MAX_EXPLAINED_WAIT, waitShare));
    }

    /** A share as a whole percentage: {@code 41%}. */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
