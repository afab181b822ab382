package io.perfgate.core.measure;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * When a round is too distorted by a busy machine to be judged: its measuring threads waited for a CPU (runnable,
 * no core free) beyond {@link #maxWaitShare()} of their measured time. Such a round is discarded and measured
 * again after a pause as long as the round ({@link #pauseAfter}), within the test's cap. After
 * {@link #REPEATS_PER_ROUND} times the planned rounds were discarded the machine is taken to stay busy and
 * measuring stops. Either way a discarded round's samples never reach the histograms gates judge, and a run left
 * short of clean rounds makes its FAILs and REGRESSIONs INCONCLUSIVE at judgement. Only rounds whose wait the
 * kernel reported are discarded (the CPU-time estimate counts blocking as waiting), and never a round in which the
 * body threw: an error is the code's finding, whatever the machine did. The thresholds are justified with
 * measurements in docs/contention.md.
 */
public final class ContentionRule {
    /** The default share of a round's time its threads may wait for a CPU before the round is measured again. */
    public static final double DEFAULT_MAX_WAIT_SHARE = 0.10;
    /** The system property (a share such as {@code 0.2} or {@code 20%}) that replaces the default; 100% turns it off. */
    public static final String PROPERTY = "perfgate.maxCpuWait";
    /** The longest pause before a discarded round is measured again, so a burst of other work can pass. */
    public static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The shortest: about a scheduler time slice, what one preemption of a very short round lasts. */
    public static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Discarded rounds per planned round after which measuring stops, so a machine that stays busy does not hold
     *  every test to its cap. */
    public static final int REPEATS_PER_ROUND = 2;

    /** Keeps every round, however long it waited (tests of the loop itself, and -Dperfgate.maxCpuWait=100%). */
    public static final ContentionRule NEVER = new ContentionRule(1.0);

    private final double maxWaitShare;

    public ContentionRule(double maxWaitShare) {
        if (!(maxWaitShare > 0 && maxWaitShare <= 1)) {
            throw new IllegalArgumentException("a CPU wait share must lie in (0, 1], not " + maxWaitShare);
        }
        this.maxWaitShare = maxWaitShare;
    }

    /** The rule with the share from {@value #PROPERTY}, or the default. */
    public static ContentionRule fromSystemProperties() {
        return of(System.getProperty(PROPERTY));
    }

    /** The rule with a share written as {@value #PROPERTY} takes it ({@code 0.2}, {@code 20%}); null or blank: the
     *  default. */
    public static ContentionRule of(String share) {
        return new ContentionRule(share == null || share.isBlank() ? DEFAULT_MAX_WAIT_SHARE : parseShare(share));
    }

    /** {@code 0.2}, {@code 20%} or {@code 20 %} as 0.2. */
    static double parseShare(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("%")) {
                return Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100;
            }
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + " is no share; write it as 0.2 or 20%");
        }
    }

    public double maxWaitShare() {
        return maxWaitShare;
    }

    /** Whether a measured round is discarded instead of kept. */
    boolean discards(RoundTally round) {
        return round.waitFromSchedstat() && round.errors == 0 && round.waitShare() > maxWaitShare;
    }

    /**
     * The pause before a round of this length, discarded, is measured again: as long as the round, between
     * {@link #MIN_PAUSE_NANOS} and {@link #MAX_PAUSE_NANOS}. Pausing in proportion keeps the worst case (every
     * allowed discard, each with its pause) a few times the test's quiet measuring time for rounds of a millisecond
     * and more. A fixed 100 ms did not: rounds of a few microseconds are now and then discarded even on an idle
     * machine, and 146 discards in 200 trivial gated tests cost them 73 ms each (docs/contention.md).
     */
    public static long pauseAfter(long roundNanos) {
        return Math.max(MIN_PAUSE_NANOS, Math.min(MAX_PAUSE_NANOS, roundNanos));
    }

    /** Whether so many rounds were discarded that measuring stops: the machine stays busy. */
    static boolean givesUp(int discarded, int plannedRounds) {
        return discarded >= (long) REPEATS_PER_ROUND * plannedRounds;
    }
}
