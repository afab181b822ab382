package io.perfgate.core.fork;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the JVMs that measured a test agree. When their medians lie more than {@link #MAX_SPREAD} apart, the test
 * is measured in {@link #EXTRA} more JVMs (a two-stage design: the first stage's spread decides the sample size, as
 * in Stein's procedure), so the comparison with the baseline rests on five JVMs where three proved too few.
 *
 * <p>Why: on an idle 2-core machine, some bodies run at two speeds about 1.5x apart, and which one a JVM gets is
 * luck (a CSV parser: 44.6, 59.6 and 58.5 us in one build's three JVMs, 42.5, 37.5 and 37.9 us in the baseline's).
 * Three JVMs of which two drew the slow speed read as {@code p50 +42% [+14%, +77%]}, REGRESSED, on unchanged code.
 * 10 %: with three JVMs a side, a spread of JVM levels above about 5.5 % (a range of about 10 %) already keeps the
 * comparison from settling against an allowed +10 % (docs/regression.md, "What it can tell apart").
 */
public final class JvmAgreement {
    /** Fewest JVMs whose disagreement is judged: with two, one slow JVM is half the data either way. */
    private static final int FEWEST = 3;
    /** JVMs added to those that disagree: the standard profile's 3 become the comprehensive profile's 5. */
    public static final int EXTRA = 2;
    /** Widest spread of the JVMs' medians, slowest / fastest - 1, that counts as agreeing. */
    public static final double MAX_SPREAD = 0.10;

    private JvmAgreement() {
    }

    /**
     * Why the JVMs disagree, as a clause naming their medians ("the first 3 JVMs' p50 differed by 19% (44.6 us,
     * 59.6 us, 58.5 us)"); empty when they agree, are fewer than three, or a JVM recorded no latency.
     */
    public static Optional<String> disagreement(List<Measurement> jvms) {
        if (jvms.size() < FEWEST) {
            return Optional.empty();
        }
        List<Long> medians = new ArrayList<>();
        for (Measurement jvm : jvms) {
            if (jvm == null || jvm.latencyHistogram() == null) {
                return Optional.empty();
            }
            LatencyHistogram histogram = LatencyHistogram.decode(jvm.latencyHistogram());
            long median = histogram.valueAtQuantile(0.5);
            if (median <= 0) {
                return Optional.empty();
            }
            medians.add(median);
        }
        double spread = (double) Collections.max(medians) / Collections.min(medians) - 1;
        if (spread <= MAX_SPREAD) {
            return Optional.empty();
        }
        return Optional.of("the first " + medians.size() + " JVMs' p50 differed by "
                + QuantityKind.PERCENT.format(spread) + " ("
                + medians.stream().map(QuantityKind.DURATION::format).collect(Collectors.joining(", ")) + ")");
    }
}
