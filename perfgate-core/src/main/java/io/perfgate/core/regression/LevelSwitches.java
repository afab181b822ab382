package io.perfgate.core.regression;

import java.util.Optional;

/**
 * Evidence that a shift between baseline and run is the test switching between speeds it runs at with unchanged
 * code, not a change of the code: replicates of one side at the other side's level.
 *
 * <p>Seen on an idle 2-core machine with unchanged code ({@code bench/busy-machine.sh 0 10}): a sort of 5,000 ints
 * ran at 60-66 us and at 94-107 us, switching within one JVM and between JVMs, and a text formatter at 89-99 us and
 * 112-136 us. When the three JVMs of one build spend most of their rounds at the slow speed, they agree, and an
 * unchanged rebuild read {@code p50 +49% [+40%, +57%]}, REGRESSED. A change of the code moves every replicate, so
 * neither side keeps replicates at the other's level, and this evidence stays silent. Figures: docs/regression.md.
 */
final class LevelSwitches {
    /** Fewest replicates of a side at the other's level that count: 3, and a tenth of the side. */
    private static final int MINIMUM = 3;
    private static final double SHARE = 0.1;

    private LevelSwitches() {
    }

    /**
     * Which side reached the other's level and how often, as a clause for a message; empty when neither did.
     * Values are on the detector's badness scale (log for a relative metric), where {@code allowed} is the
     * allowed change: "at a level" means within the allowed change of that side's median.
     */
    static Optional<String> evidence(double[] baseline, double[] current, double allowed) {
        double baselineLevel = RegressionDetector.median(baseline);
        double currentLevel = RegressionDetector.median(current);
        int runAtBaseline = near(current, baselineLevel, allowed);
        int baselineAtRun = near(baseline, currentLevel, allowed);
        boolean run = enough(runAtBaseline, current.length);
        boolean base = enough(baselineAtRun, baseline.length);
        if (!run && !base) {
            return Optional.empty();
        }
        String clause;
        if (run && base) {
            clause = runAtBaseline + " of this run's " + current.length + " replicates were at the baseline's level,"
                    + " and " + baselineAtRun + " of the baseline's " + baseline.length + " at this run's";
        } else if (run) {
            clause = runAtBaseline + " of this run's " + current.length + " replicates were at the baseline's level";
        } else {
            clause = baselineAtRun + " of the baseline's " + baseline.length + " replicates were already at this"
                    + " run's level";
        }
        return Optional.of(clause);
    }

    private static boolean enough(int count, int of) {
        return count >= Math.max(MINIMUM, Math.ceil(SHARE * of));
    }

    private static int near(double[] values, double level, double allowed) {
        int count = 0;
        for (double value : values) {
            if (Math.abs(value - level) <= allowed) {
                count++;
            }
        }
        return count;
    }
}
