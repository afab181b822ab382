package io.perfgate.junit;

import io.perfgate.core.fork.ForkedMeasurement;
import io.perfgate.core.fork.JvmAgreement;
import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.fork.TestForks;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.measure.Profile;
import io.perfgate.core.measure.WorkloadPlan;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.fork.ForkMain;
import io.perfgate.junit.internal.RunSettings;

import org.junit.platform.launcher.core.LauncherFactory;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Measures a recorded test again in further JVMs ({@link RunSettings#jvms()}, two more when they disagree:
 * {@link JvmAgreement}), with this JVM's java, options
 * (debugger agents removed), system properties and class path, and merges their measurements with this JVM's.
 * A fork that fails leaves the test unmeasured, with the fork's exit and log, so {@code check} fails its gates.
 */
final class MoreJvms {
    /** Beyond the test's own cap, for a fork's start-up and test discovery on a busy machine. */
    private static final Duration START_UP = Duration.ofSeconds(120);

    private MoreJvms() {
    }

    /** The completed result measured in every JVM, or the declared result marked unmeasured with why. */
    static TestResult measure(TestResult declared, Measurement own, RunSettings settings, WorkloadPlan plan)
            throws InterruptedException {
        Path results = settings.resultsDirectory().orElseThrow().toAbsolutePath();
        Map<String, String> properties = System.getProperties().entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()),
                        (a, b) -> a, TreeMap::new));
        TestForks forks = new TestForks(JvmFork.currentJava(),
                TestForks.inheritedArguments(ManagementFactory.getRuntimeMXBean().getInputArguments(), properties),
                classpath(), ForkMain.class.getName(), Path.of("").toAbsolutePath(),
                results.resolveSibling("forks"), Duration.ofNanos(plan.maxDurationNanos()).plus(START_UP));
        TestForks.Outcome outcome = forks.measure(declared.id(), declared.label(), own, settings.jvms(),
                Map.of(Profile.PROPERTY, settings.profile().id()));
        if (outcome.failed()) {
            System.err.println("[perfgate] " + declared.label() + ": " + outcome.failure());
            return declared.unmeasured("it was measured in the test JVM, but " + outcome.failure()
                    + "; a test is judged only when every JVM measured it: fix the fork's failure, or measure in"
                    + " the test JVM only with -Dperfgate.forks=1");
        }
        Measurement merged = ForkedMeasurement.merge(outcome.measurements());
        if (outcome.addedBecause() != null) {
            System.out.println("[perfgate] " + declared.label() + ": measured in " + JvmAgreement.EXTRA
                    + " more JVMs because " + outcome.addedBecause());
        }
        Map<Integer, LatencyHistogram> byJvm = ForkedMeasurement.byJvm(merged);
        System.out.println("[perfgate] " + declared.label() + ": measured in " + outcome.measurements().size()
                + " JVMs, " + (byJvm.isEmpty() ? "no round measured cleanly in any of them"
                + (merged.contention() == null ? "" : " (" + merged.contention().waitText() + ")")
                : "p50 " + byJvm.values().stream().map(MoreJvms::p50).collect(Collectors.joining(", "))));
        return declared.completed(merged);
    }

    /**
     * The test class path plus the JUnit Platform launcher running this JVM's tests, which surefire keeps on a
     * class path of its own (its provider's), not in {@code java.class.path}.
     */
    static String classpath() {
        String classpath = System.getProperty("java.class.path", "");
        try {
            var source = LauncherFactory.class.getProtectionDomain().getCodeSource();
            String launcher = source == null ? null : Path.of(source.getLocation().toURI()).toString();
            if (launcher != null && !Arrays.asList(classpath.split(File.pathSeparator)).contains(launcher)) {
                return classpath.isEmpty() ? launcher : classpath + File.pathSeparator + launcher;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // the fork then fails to start, and says so in its log
        }
        return classpath;
    }

    private static String p50(LatencyHistogram histogram) {
        return QuantityKind.DURATION.format(histogram.valueAtQuantile(0.5));
    }
}
