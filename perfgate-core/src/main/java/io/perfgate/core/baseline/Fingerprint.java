package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.Environment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and on what a baseline or a run was measured: the code version, the time, and everything in
 * the environment that changes timing. Two runs compare fairly only when the timing-relevant parts
 * are equal, neither had a coverage or debugger agent, and both had assertions on or both off.
 *
 * @param jvmFlags    timing-relevant JVM options ({@code -X...}, {@code -XX:...}), in command-line order
 * @param distortions what in the JVM's set-up distorts timing, as {@link Environment#timingDistortions()} words it
 * @param profile     the perfgate profile (smoke, standard, comprehensive)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fingerprint(
        String commit,
        String branch,
        Boolean dirty,
        Instant recordedAt,
        String profile,
        String javaVersion,
        String javaVendor,
        String vmName,
        List<String> jvmFlags,
        String osName,
        String osArch,
        String cpuModel,
        int availableProcessors,
        long maxHeapBytes,
        List<String> distortions) {

    public Fingerprint {
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        distortions = distortions == null ? List.of() : List.copyOf(distortions);
    }

    /** The fingerprint of a run measured in {@code environment} on the given code version. */
    public static Fingerprint of(Environment environment, SourceVersion version, String profile, Instant at) {
        SourceVersion source = version == null ? SourceVersion.UNKNOWN : version;
        Environment env = environment == null
                ? new Environment(null, null, null, null, null, 0, null, 0, List.of(), false) : environment;
        List<String> flags = env.jvmArguments().stream().filter(Fingerprint::timingRelevant).toList();
        return new Fingerprint(source.commit(), source.branch(), source.dirty(), at, profile,
                env.javaVersion(), env.javaVendor(), env.vmName(), flags, env.osName(), env.osArch(),
                env.cpuModel(), env.availableProcessors(), env.maxHeapBytes(), env.timingDistortions());
    }

    /** Whether a JVM of perfgate's timed the run; pages and imported runs keep the machine only. */
    @JsonIgnore
    public boolean timedInJvm() {
        return javaVersion != null || maxHeapBytes != 0 || !jvmFlags.isEmpty() || !distortions.isEmpty();
    }

    private Fingerprint machineOnly() {
        return new Fingerprint(commit, branch, dirty, recordedAt, profile, null, null, null, List.of(), osName, osArch,
                cpuModel, availableProcessors, 0, List.of());
    }

    /** {@code commit abc1234 on main, 2024-05-01}, for messages. */
    @JsonIgnore
    public String describe() {
        StringBuilder text = new StringBuilder(commit == null ? "unknown commit"
                : "commit " + commit.substring(0, Math.min(7, commit.length())));
        if (Boolean.TRUE.equals(dirty)) {
            text.append(" with uncommitted changes");
        }
        if (branch != null) {
            text.append(" on ").append(branch);
        }
        if (recordedAt != null) {
            text.append(", ").append(recordedAt.toString(), 0, 10);
        }
        return text.toString();
    }

    /**
     * What differs between this (current) run's environment and the baseline's, in words; empty when
     * they compare fairly. The code version and time are expected to differ and are not listed.
     */
    public List<String> differencesFrom(Fingerprint baseline) {
        List<String> differences = new ArrayList<>();
        differ(differences, "the JVM version", baseline.javaVersion, javaVersion);
        differ(differences, "the JVM vendor", baseline.javaVendor, javaVendor);
        differ(differences, "the JVM", baseline.vmName, vmName);
        differ(differences, "the OS", baseline.osName, osName);
        differ(differences, "the CPU architecture", baseline.osArch, osArch);
        differ(differences, "the CPU", baseline.cpuModel, cpuModel);
        if (baseline.availableProcessors != availableProcessors) {
            differences.add("the available processors differ (baseline " + baseline.availableProcessors
                    + ", now " + availableProcessors + ")");
        }
        if (baseline.maxHeapBytes != maxHeapBytes) {
            differences.add("the maximum heap differs (baseline " + QuantityKind.SIZE.format(baseline.maxHeapBytes)
                    + ", now " + QuantityKind.SIZE.format(maxHeapBytes) + ")");
        }
        if (!baseline.jvmFlags.equals(jvmFlags)) {
            differences.add("the JVM flags differ (baseline " + baseline.jvmFlags + ", now " + jvmFlags + ")");
        }
        differ(differences, "the perfgate profile", baseline.profile, profile);
        return differences;
    }

    private static void differ(List<String> differences, String what, String baseline, String now) {
        if (!Objects.equals(baseline, now)) {
            differences.add(what + " differs (baseline " + (baseline == null ? "unknown" : baseline)
                    + ", now " + (now == null ? "unknown" : now) + ")");
        }
    }

    /**
     * What in this run makes a comparison with {@code other} unfair, in words: a coverage or debugger
     * agent or a JIT switched off or limited (these distort timing so much that even both runs having them
     * says nothing), and assertions or any other agent that the other run did not have. Assertions on both
     * sides are compared as they are: surefire enables them by default, and refusing every such comparison
     * would leave regressions undetected in most builds; the report still names them. Ask both ways round
     * to see what either run had that the other did not.
     */
    public List<String> unfairDistortions(Fingerprint other) {
        List<String> unfair = new ArrayList<>();
        for (String distortion : distortions) {
            boolean assertions = distortion.startsWith("assertions enabled");
            boolean sharedIsFine = assertions || ((distortion.startsWith("Java agent ")
                    || distortion.startsWith("native agent ")) && !distortsAlways(distortion));
            if (!sharedIsFine || other == null || !other.distortions.contains(distortion)) {
                unfair.add(assertions
                        ? distortion + " in one run only; surefire enables them unless <enableAssertions>false</enableAssertions>"
                        : distortion);
            }
        }
        return unfair;
    }

    /** Coverage and profiler agents that the environment names only as a Java or native agent. */
    private static boolean distortsAlways(String distortion) {
        String lower = distortion.toLowerCase(Locale.ROOT);
        for (String name : List.of("cobertura", "clover", "jcov", "kover", "coverage", "emma", "asyncprofiler",
                "async-profiler", "yjpagent", "jprofiler")) {
            if (lower.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** JVM options that change timing: heap, GC, JIT and other {@code -X}/{@code -XX} settings. */
    static boolean timingRelevant(String argument) {
        if (!(argument.startsWith("-X") || argument.startsWith("-server") || argument.startsWith("-client"))) {
            return false;
        }
        for (String irrelevant : List.of("-XX:HeapDumpPath", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:ErrorFile",
                "-Xlog", "-Xloggc", "-XX:+ShowCodeDetailsInExceptionMessages", "-XX:+EnableDynamicAgentLoading",
                "-Xshare", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions")) {
            if (argument.startsWith(irrelevant)) {
                return false;
            }
        }
        return !argument.toLowerCase(Locale.ROOT).startsWith("-xrun") && !argument.equals("-Xdebug")
                && !argument.startsWith("-Xrunjdwp");
    }

    /**
     * Differences of environment and distortions of either run, against the baseline's, in words; empty if fair.
     * When either side was timed by no JVM of perfgate's (a page, an imported run), only the machines and profiles
     * count: a baseline recorded before such results dropped the recording JVM still holds Maven's.
     */
    public List<String> unfairness(Fingerprint baseline) {
        if (!timedInJvm() || !baseline.timedInJvm()) {
            return machineOnly().differencesFrom(baseline.machineOnly());
        }
        List<String> unfair = new ArrayList<>(differencesFrom(baseline));
        List<String> now = unfairDistortions(baseline);
        List<String> then = baseline.unfairDistortions(this);
        now.stream().filter(then::contains).forEach(distortion -> unfair.add("both runs had: " + distortion));
        now.stream().filter(d -> !then.contains(d)).forEach(distortion -> unfair.add("this run had: " + distortion));
        then.stream().filter(d -> !now.contains(d))
                .forEach(distortion -> unfair.add("the baseline run had: " + distortion));
        return unfair;
    }
}
