package io.perfgate.core.fork;

import io.perfgate.core.measure.Profile;

/**
 * How many JVMs measure each gated JUnit test when results are recorded for {@code check}: the test JVM plus
 * {@code count - 1} forks. Rounds inside one JVM cannot show the spread between JVMs (JIT decisions, heap
 * layout), which on CPU-bound code is often larger than the allowed change; only several JVMs a side let the
 * regression check see it from the first comparison.
 *
 * <table>
 *   <caption>Defaults per profile (each JVM measures the profile's whole workload)</caption>
 *   <tr><th>profile</th><th>JVMs</th><th>why</th></tr>
 *   <tr><td>smoke</td><td>1</td><td>for gates, not regressions: its 5 rounds rarely decide one anyway</td></tr>
 *   <tr><td>standard</td><td>3</td><td>the fewest whose spread estimate (4 degrees of freedom with the
 *       baseline's 3) gives a usable interval; each test costs about three times its one-JVM time</td></tr>
 *   <tr><td>comprehensive</td><td>5</td><td>a tighter interval where JVMs disagree</td></tr>
 * </table>
 * {@code -Dperfgate.forks=N} overrides it (1 measures in the test JVM only).
 */
public final class ForkCount {
    /** More JVMs than this a test is a mistake, not a plan: each costs the test's whole workload again. */
    static final int MAX = 50;

    private ForkCount() {
    }

    public static int defaultFor(Profile profile) {
        return switch (profile) {
            case SMOKE -> 1;
            case STANDARD -> 3;
            case COMPREHENSIVE -> 5;
        };
    }

    /**
     * @param override the value of {@code perfgate.forks}; null or blank for the profile's default
     * @throws IllegalArgumentException naming the property, the value and what is expected
     */
    public static int of(Profile profile, String override) {
        if (override == null || override.isBlank()) {
            return defaultFor(profile);
        }
        int count;
        try {
            count = Integer.parseInt(override.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException(TestForks.FORKS_PROPERTY + " = '" + override + "' is not a number of"
                    + " JVMs from 1 to " + MAX + "; 1 measures each test in the test JVM only, the default for the "
                    + profile.id() + " profile is " + defaultFor(profile));
        }
        return count;
    }
}
