package io.perfgate.core.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long JMH measures: forks, warmup and measurement iterations and their durations, and optionally the
 * thread count. Each profile has its own; the pom can override any value. They are passed on JMH's command
 * line, so they override {@code @Fork}, {@code @Warmup} and {@code @Measurement} on the benchmarks, as JMH's
 * own command-line options do. In every profile a benchmark measured while still warming up is run again with its
 * warmup doubled ({@link WarmupRetries}); a warmup set in the pom is only checked.
 *
 * <ul>
 *   <li>{@code smoke}: 2 forks, 2 warmup iterations of 1 s, 3 iterations of 500 ms (six in all, so JMH's error
 *       interval is narrow enough for a verdict); about 8 s per benchmark and parameter set, for pull requests.
 *       Two forks detect only gross regressions. 2 s of warmup is not steady state for every benchmark: alone,
 *       it left bench/jmh-warmup's WordCountBench at 2.69 times its warmed score (median of 3 rounds; 4.24 in an
 *       earlier measurement), SortBench at 1.03. So perfgate:jmh runs a benchmark still warming up again with the
 *       warmup doubled ({@link WarmupRetries}, {@link SteadyState}): WordCountBench then came to 0.99 times its
 *       warmed score (4 or 8 warmup iterations), for about 15 s more (bench/jmh-smoke-warmup.sh 3, docs/jmh.md).
 *       </li>
 *   <li>{@code standard}: 5 forks, 3 x 1 s warmup, 5 x 1 s measurement; about 45 s each.</li>
 *   <li>{@code comprehensive}: 10 forks, 5 x 1 s warmup, 10 x 1 s measurement; about 2.5 min each, enough
 *       forks for regression tests corrected for many comparisons.</li>
 * </ul>
 *
 * @param warmupTime      a JMH time value: a whole number and {@code ns}, {@code us}, {@code ms}, {@code s} or {@code min}
 * @param measurementTime the same, per measurement iteration
 * @param threads         JMH's {@code -t}; null keeps the benchmark's own {@code @Threads} (default 1)
 */
public record JmhSettings(
        int forks,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        Integer threads) {

    public static final List<String> PROFILES = List.of("smoke", "standard", "comprehensive");

    private static final Pattern TIME = Pattern.compile("([0-9]+) ?(ns|us|ms|s|min)");

    public JmhSettings {
        if (forks < 1) {
            throw new IllegalArgumentException("forks = " + forks + ": JMH must run each benchmark in at least one"
                    + " forked JVM (perfgate compares forks, and an unforked benchmark shares Maven's JVM)");
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmupIterations = " + warmupIterations + " is negative");
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurementIterations = " + measurementIterations
                    + ": at least one measurement iteration is needed");
        }
        warmupTime = time(warmupTime, "warmupTime");
        measurementTime = time(measurementTime, "measurementTime");
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": at least one thread is needed");
        }
    }

    /**
     * The settings of a profile.
     *
     * @throws IllegalArgumentException naming the valid profiles for an unknown one
     */
    public static JmhSettings forProfile(String profile) {
        String name = profile == null || profile.isBlank() ? "standard" : profile.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "smoke" -> new JmhSettings(2, 2, "1s", 3, "500ms", null);
            case "standard" -> new JmhSettings(5, 3, "1s", 5, "1s", null);
            case "comprehensive" -> new JmhSettings(10, 5, "1s", 10, "1s", null);
            default -> throw new IllegalArgumentException("unknown profile '" + profile + "'; expected one of "
                    + PROFILES);
        };
    }

    /** These settings with every non-null argument replacing the profile's value. */
    public JmhSettings withOverrides(Integer forks, Integer warmupIterations, String warmupTime,
                                     Integer measurementIterations, String measurementTime, Integer threads) {
        return new JmhSettings(
                forks != null ? forks : this.forks,
                warmupIterations != null ? warmupIterations : this.warmupIterations,
                warmupTime != null && !warmupTime.isBlank() ? warmupTime : this.warmupTime,
                measurementIterations != null ? measurementIterations : this.measurementIterations,
                measurementTime != null && !measurementTime.isBlank() ? measurementTime : this.measurementTime,
                threads != null ? threads : this.threads);
    }

    /** These settings with another number of warmup iterations; everything else as it is. */
    public JmhSettings withWarmupIterations(int iterations) {
        return new JmhSettings(forks, iterations, warmupTime, measurementIterations, measurementTime, threads);
    }

    /** The warmup per fork as a person reads it: {@code 2 x 1s}. */
    public String warmupText() {
        return warmupIterations + " x " + warmupTime;
    }

    /**
     * About how long JMH runs one benchmark (one mode, one parameter set) with these settings: every fork's
     * iterations, and a second per fork for starting its JVM and setting up.
     */
    public long estimatedNanos() {
        long perFork = warmupIterations * nanos(warmupTime) + measurementIterations * nanos(measurementTime);
        return forks * (perFork + 1_000_000_000L);
    }

    /** JMH's command-line options for these settings. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "-f", String.valueOf(forks),
                "-wi", String.valueOf(warmupIterations),
                "-w", warmupTime,
                "-i", String.valueOf(measurementIterations),
                "-r", measurementTime));
        if (threads != null) {
            arguments.add("-t");
            arguments.add(String.valueOf(threads));
        }
        return arguments;
    }

    /** Nanoseconds of a JMH time value ({@code 200 ms}, as JMH writes it, or {@code 200ms}); 0 for "single-shot" or null. */
    public static long nanos(String time) {
        if (time == null) {
            return 0;
        }
        Matcher matcher = TIME.matcher(time.strip());
        if (!matcher.matches()) {
            return 0;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ns" -> amount;
            case "us" -> amount * 1_000L;
            case "ms" -> amount * 1_000_000L;
            case "s" -> amount * 1_000_000_000L;
            default -> amount * 60_000_000_000L;
        };
    }

    private static String time(String value, String name) {
        String stripped = value == null ? "" : value.strip();
        Matcher matcher = TIME.matcher(stripped);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException(name + " = '" + value + "': expected a positive whole number and a unit"
                    + " as JMH reads it, such as 500ms, 1s or 2min (units: ns, us, ms, s, min)");
        }
        return matcher.group(1) + matcher.group(2);
    }
}
