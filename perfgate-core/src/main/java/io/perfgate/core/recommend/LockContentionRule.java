package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.profile.ProfileSummary.ContendedMonitor;
import io.perfgate.core.result.Measurement;

import java.util.Comparator;
import java.util.Optional;

/**
 * Measuring threads that spend a share of the measured time waiting on one lock: a monitor ({@code synchronized})
 * or a {@code java.util.concurrent} lock that serialises the work a test means to run in parallel.
 */
public final class LockContentionRule implements RecommendationRule {
    /** The wait's share of the measuring threads' time (recording duration times threads). */
    public static final double WAIT_SHARE = 0.1;

    @Override
    public String id() {
        return "lock-contention";
    }

    @Override
    public Optional<Recommendation> apply(TestOutcome test) {
        Measurement measurement = test.result().measurement();
        ProfileSummary profile = measurement.profile();
        if (profile == null || profile.contention().isEmpty() || profile.durationNanos() <= 0) {
            return Optional.empty();
        }
        int threads = test.result().workload() == null ? 1 : Math.max(1, test.result().workload().threads());
        ContendedMonitor worst = profile.contention().stream()
                .max(Comparator.comparingLong(ContendedMonitor::totalNanos)).orElseThrow();
        double share = (double) worst.totalNanos() / ((double) profile.durationNanos() * threads);
        if (share < WAIT_SHARE) {
            return Optional.empty();
        }
        String lock = ("park".equals(worst.kind()) ? "lock " : "monitor ") + worst.objectClass();
        return fire(test, "Threads wait on " + lock + " at " + worst.site(),
                new Evidence("time waiting on " + lock, QuantityKind.PERCENT.format(share),
                        QuantityKind.PERCENT.format(WAIT_SHARE),
                        QuantityKind.DURATION.format(worst.totalNanos()) + " of waits in "
                                + QuantityKind.grouped(worst.events()) + " events at " + worst.site() + ", over "
                                + threads + (threads == 1 ? " thread" : " threads") + " measured for "
                                + QuantityKind.DURATION.format(profile.durationNanos()) + " (JFR)"),
                share, WAIT_SHARE,
                "hold " + lock + " for less time in " + worst.site() + " (move work out of the critical section),"
                        + " split it, or use a concurrent structure (ConcurrentHashMap, LongAdder, atomics)");
    }
}
