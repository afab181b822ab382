package io.perfgate.core.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How much time a run may spend on each gated test whose workload is not fully given, chosen with
 * {@code perfgate.profile}. The figures apply only where the workload annotation leaves them open:
 * an explicit warmup, invocation count or duration is always honoured.
 *
 * <table>
 *   <caption>Defaults per profile</caption>
 *   <tr><th>profile</th><th>warmup</th><th>minimum measuring time</th><th>cap per test</th><th>rounds</th></tr>
 *   <tr><td>smoke</td><td>200 ms</td><td>300 ms</td><td>10 s</td><td>5</td></tr>
 *   <tr><td>standard (default)</td><td>1 s</td><td>1 s</td><td>30 s</td><td>10</td></tr>
 *   <tr><td>comprehensive</td><td>3 s</td><td>5 s</td><td>120 s</td><td>20</td></tr>
 * </table>
 *
 * <p>Rounds are the replicates a measurement is split into (separated by a garbage collection when the body leaves enough garbage
 * to need one, see {@code RoundSeparation}); regression
 * detection compares them, so more rounds give it more power.
 */
public enum Profile {
    SMOKE(millis(200), millis(300), seconds(10), 5),
    STANDARD(seconds(1), seconds(1), seconds(30), 10),
    COMPREHENSIVE(seconds(3), seconds(5), seconds(120), 20);

    /** The system property (and JUnit configuration parameter) that selects a profile. */
    public static final String PROPERTY = "perfgate.profile";

    private final long warmupNanos;
    private final long minDurationNanos;
    private final long maxDurationNanos;
    private final int rounds;

    Profile(long warmupNanos, long minDurationNanos, long maxDurationNanos, int rounds) {
        this.warmupNanos = warmupNanos;
        this.minDurationNanos = minDurationNanos;
        this.maxDurationNanos = maxDurationNanos;
        this.rounds = rounds;
    }

    /** Warmup when the workload sets none. */
    public long warmupNanos() {
        return warmupNanos;
    }

    /** Measuring time at least, when the workload sets neither invocations nor duration. */
    public long minDurationNanos() {
        return minDurationNanos;
    }

    /** Cap on a test's whole run, warmup included, when the workload sets none. */
    public long maxDurationNanos() {
        return maxDurationNanos;
    }

    /** How many rounds (replicates) a measurement is split into. */
    public int rounds() {
        return rounds;
    }

    /** The name users type: {@code smoke}, {@code standard}, {@code comprehensive}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The profile with this name; {@link #STANDARD} when the name is null or blank.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static Profile of(String name) {
        if (name == null || name.isBlank()) {
            return STANDARD;
        }
        String wanted = name.strip();
        return Arrays.stream(values())
                .filter(profile -> profile.id().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " = '" + name
                        + "' is not a profile; expected one of "
                        + Arrays.stream(values()).map(Profile::id).toList()));
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static long seconds(long seconds) {
        return TimeUnit.SECONDS.toNanos(seconds);
    }
}
