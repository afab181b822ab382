package io.perfgate.core.fork;

import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestForksTest {
    private static final String ID = "[engine:junit-jupiter]/[class:com.example.HashTest]/[method:sha256()]";

    /**
     * A fork's stand-in for ForkMain: records a measurement (of {@code forktest.micros}, or 100 us times its fork
     * number plus 150), records nothing, or dies (from the third fork on, for {@code measure-then-die}).
     */
    public static final class Child {
        public static void main(String[] args) {
            String behaviour = System.getProperty("forktest.behaviour");
            if (behaviour.equals("die") || behaviour.equals("measure-then-die")
                    && Integer.parseInt(System.getProperty("perfgate.fork")) > 2) {
                System.out.println("java.lang.OutOfMemoryError: Java heap space");
                System.exit(1);
            }
            if (behaviour.startsWith("measure")) {
                Path results = Path.of(System.getProperty("perfgate.resultsDirectory"));
                TestResult declared = TestResult.declared(ResultKind.JUNIT, args[0], "com.example.HashTest", "sha256",
                        "sha256()", List.of(), null);
                long fork = Long.parseLong(System.getProperty("perfgate.fork"));
                long micros = Long.parseLong(System.getProperty("forktest.micros", String.valueOf(fork * 100 + 150)));
                Measurement measurement = ForkedMeasurementTest.oneJvm(micros, 0);
                ResultFiles.write(results, declared.completed(measurement));
            }
            System.exit(0);
        }
    }

    private static TestForks forks(Path dir) {
        return new TestForks(JvmFork.currentJava(), List.of(), System.getProperty("java.class.path"),
                Child.class.getName(), dir, dir.resolve("forks"), Duration.ofSeconds(60));
    }

    /** Measures HashTest in {@code jvms} JVMs, the test JVM's own measurement at 172 us. */
    private static TestForks.Outcome measure(Path dir, int jvms, Map<String, String> settings) throws Exception {
        return forks(dir).measure(ID, "HashTest#sha256", ForkedMeasurementTest.oneJvm(172, 0), jvms, settings);
    }

    private static List<Long> mediansInMicros(TestForks.Outcome outcome) {
        Measurement merged = ForkedMeasurement.merge(outcome.measurements());
        return ForkedMeasurement.byJvm(merged).values().stream()
                .map(histogram -> Math.round(histogram.valueAtQuantile(0.5) / 1000.0)).toList();
    }

    @Test
    void everyForkMeasuresTheTestInItsOwnJvmAndResultsDirectory(@TempDir Path dir) throws Exception {
        TestForks.Outcome outcome = measure(dir, 3,
                Map.of("forktest.behaviour", "measure", "forktest.micros", "180"));

        assertFalse(outcome.failed(), outcome.failure());
        assertNull(outcome.failure());
        assertNull(outcome.addedBecause(), "172, 180 and 180 us agree within 10 %");
        assertEquals(List.of(172L, 180L, 180L), mediansInMicros(outcome));
        assertTrue(ResultFiles.fileFor(dir.resolve("forks").resolve(ResultFiles.idHash(ID)).resolve("jvm-2/results"), ID)
                .toFile().isFile(), "each fork has a results directory of its own");
    }

    @Test
    void threeJvmsThatDisagreeAreJoinedByTwoMore(@TempDir Path dir) throws Exception {
        TestForks.Outcome outcome = measure(dir, 3,
                Map.of("forktest.behaviour", "measure"));

        assertFalse(outcome.failed(), outcome.failure());
        assertEquals(List.of(172L, 250L, 350L, 450L, 550L), mediansInMicros(outcome));
        assertTrue(outcome.addedBecause().startsWith("the first 3 JVMs' p50 differed by 10"), outcome.addedBecause());
        assertTrue(outcome.addedBecause().matches(".*\\(172 us, 25[0-9] us, 35[0-9] us\\)"), outcome.addedBecause());
        assertTrue(ResultFiles.fileFor(dir.resolve("forks").resolve(ResultFiles.idHash(ID)).resolve("jvm-4/results"), ID)
                .toFile().isFile(), "the added forks continue the numbering");
    }

    @Test
    void twoJvmsThatDisagreeAreLeftAsPlanned(@TempDir Path dir) throws Exception {
        TestForks.Outcome outcome = measure(dir, 2,
                Map.of("forktest.behaviour", "measure"));

        assertEquals(List.of(172L, 250L), mediansInMicros(outcome));
        assertNull(outcome.addedBecause());
    }

    @Test
    void anAddedForkThatDiesIsAFailureThatSaysWhyItRan(@TempDir Path dir) throws Exception {
        TestForks.Outcome outcome = measure(dir, 3,
                Map.of("forktest.behaviour", "measure-then-die"));

        assertTrue(outcome.failed());
        assertTrue(outcome.failure().startsWith("fork 3 of 4 (JVM 4 of 5 measuring HashTest#sha256, added because the"
                + " first 3 JVMs' p50 differed by "), outcome.failure());
        assertTrue(outcome.failure().contains(") exited with 1; its log "), outcome.failure());
    }

    @Test
    void aForkThatDiesIsAFailureWithItsExitAndLogNeverAMeasurement(@TempDir Path dir) throws Exception {
        TestForks.Outcome outcome = measure(dir, 3,
                Map.of("forktest.behaviour", "die"));

        assertTrue(outcome.failed());
        assertTrue(outcome.failure().startsWith("fork 1 of 2 (JVM 2 of 3 measuring HashTest#sha256) exited with 1;"
                + " its log " + dir.resolve("forks")), outcome.failure());
        assertTrue(outcome.failure().contains("OutOfMemoryError: Java heap space"), outcome.failure());
    }

    @Test
    void aForkThatExitsCleanlyWithoutAResultIsAFailureToo(@TempDir Path dir) throws Exception {
        TestForks.Outcome outcome = measure(dir, 2,
                Map.of("forktest.behaviour", "silent"));

        assertTrue(outcome.failed());
        assertTrue(outcome.failure().startsWith("fork 1 of 1 (JVM 2 of 2 measuring HashTest#sha256) exited with 0 but"
                + " recorded no measurement (no "), outcome.failure());
    }

    @Test
    void aForkInheritsOptionsAndSetPropertiesButNoDebuggerAndNoPerfgateSettings() {
        List<String> inherited = TestForks.inheritedArguments(
                List.of("-Xmx512m", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Dperfgate.mode=record",
                        "-Dperfgate.resultsDirectory=/p/target/perfgate/results", "-Dfile.encoding=UTF-8", "-Dgiven=1",
                        "-Dperfgate.profiling=false", "-Dperfgate.forks=3"),
                Map.of("given", "1", "shop.slowdown", "1.3", "java.version", "17", "user.dir", "/p",
                        "perfgate.profile", "standard", "multi", "a\nb", "perfgate.maxCpuWait", "100%",
                        "perfgate.fork", "1"));

        // perfgate's settings reach the forks, except those each fork gets its own value of
        assertEquals(List.of("-Xmx512m", "-Dfile.encoding=UTF-8", "-Dgiven=1", "-Dperfgate.profiling=false",
                "-Dperfgate.maxCpuWait=100%", "-Dshop.slowdown=1.3"), inherited);
    }
}
