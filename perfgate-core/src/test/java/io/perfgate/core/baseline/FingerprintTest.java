package io.perfgate.core.baseline;

import io.perfgate.core.result.Environment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {
    private static Environment environment(String javaVersion, boolean assertions, String... arguments) {
        return new Environment(javaVersion, "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux", "amd64", 4,
                "Test CPU", 1L << 30, List.of(arguments), assertions);
    }

    private static Fingerprint of(Environment environment) {
        return Fingerprint.of(environment, new SourceVersion("abc1234aaaa", "main", false), "standard",
                Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void theSameEnvironmentOnAnotherCommitComparesFairly() {
        Fingerprint baseline = of(environment("17.0.9", false, "-Xmx1g", "-Dsurefire.x=1"));
        Fingerprint current = Fingerprint.of(environment("17.0.9", false, "-Xmx1g", "-Dother=2"),
                new SourceVersion("fff", "feature", true), "standard", Instant.parse("2024-05-09T10:00:00Z"));
        assertEquals(List.of(), current.differencesFrom(baseline));
        assertEquals(List.of(), current.unfairDistortions(baseline));
        assertEquals("commit fff with uncommitted changes on feature, 2024-05-09", current.describe());
    }

    @Test
    void aBenchmarkForkProfiledByPerfgateComparesFairlyWithOneThatWasNot() {
        Fingerprint profiled = of(environment("17.0.9", false, "-Xmx1g",
                "-XX:StartFlightRecording=settings=/build/target/perfgate/jmh/jfr/empty.jfc,disk=false"));
        Fingerprint plain = of(environment("17.0.9", false, "-Xmx1g"));
        assertEquals(List.of(), profiled.differencesFrom(plain));
    }

    @Test
    void aPageComparesOnlyItsMachineAlsoWithABaselineThatStillHoldsMavensJvm() {
        // a page recorded before pages dropped the recording JVM: Maven's, on C1 only
        Fingerprint oldPage = of(environment("17.0.9", true, "-XX:TieredStopAtLevel=1", "-Xmx512m"));
        Fingerprint page = of(new Environment(null, null, null, "Linux", "amd64", 4, "Test CPU", 0, List.of(), false));
        assertEquals(List.of(), page.unfairness(oldPage));
        assertEquals(List.of(), oldPage.unfairness(page));
        assertEquals(List.of(), page.unfairness(page));
        // the machine still counts
        Fingerprint otherMachine = of(new Environment(null, null, null, "Linux", "amd64", 8, "Other CPU", 0,
                List.of(), false));
        assertEquals(List.of("the CPU differs (baseline Test CPU, now Other CPU)",
                "the available processors differ (baseline 4, now 8)"), otherMachine.unfairness(oldPage));
        // a JVM-timed run on C1 only is still unfair, however it compares
        Fingerprint limited = of(environment("17.0.9", false, "-XX:TieredStopAtLevel=1"));
        assertTrue(limited.unfairness(limited).contains("both runs had: JIT limited (-XX:TieredStopAtLevel=1)"),
                limited.unfairness(limited).toString());
    }

    @Test
    void differencesNameWhatChanged() {
        Fingerprint baseline = of(environment("17.0.9", false, "-Xmx1g"));
        Fingerprint current = of(environment("21.0.2", false, "-Xmx2g", "-XX:+UseZGC"));
        assertEquals(List.of("the JVM version differs (baseline 17.0.9, now 21.0.2)",
                "the JVM flags differ (baseline [-Xmx1g], now [-Xmx2g, -XX:+UseZGC])"), current.differencesFrom(baseline));
    }

    @Test
    void coverageAndDebuggerAgentsAreUnfairEvenOnBothSidesAssertionsOnlyOnOne() {
        Environment distorted = environment("17.0.9", true,
                "-javaagent:/home/u/.m2/org/jacoco/org.jacoco.agent-0.8.12-runtime.jar=destfile=target/jacoco.exec",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005",
                "-javaagent:/m2/net/bytebuddy/byte-buddy-agent-1.15.jar");
        Fingerprint current = of(distorted);
        List<String> unfair = current.unfairDistortions(of(distorted));
        assertEquals(2, unfair.size(), unfair.toString());
        assertTrue(unfair.get(0).startsWith("coverage agent org.jacoco.agent-0.8.12-runtime.jar"), unfair.get(0));
        assertTrue(unfair.get(1).startsWith("debugger agent (-agentlib:jdwp"), unfair.get(1));
        Fingerprint assertionsOnly = of(environment("17.0.9", true));
        Fingerprint plain = of(environment("17.0.9", false));
        assertEquals(List.of(), assertionsOnly.unfairDistortions(assertionsOnly), "both runs alike: compared");
        assertEquals(List.of("assertions enabled (-ea) in one run only; surefire enables them unless"
                + " <enableAssertions>false</enableAssertions>"), assertionsOnly.unfairDistortions(plain));
        assertEquals(List.of(), plain.unfairDistortions(assertionsOnly), "each run answers for its own");
        assertEquals(List.of(), current.jvmFlags(), "agents are not flags");
    }

    @Test
    void anOtherAgentIsUnfairOnlyWhenTheOtherRunLackedIt() {
        Fingerprint mocking = of(environment("17.0.9", false, "-javaagent:/m2/net/bytebuddy/byte-buddy-agent-1.15.jar"));
        Fingerprint plain = of(environment("17.0.9", false));
        assertEquals(List.of(), mocking.unfairDistortions(mocking));
        assertEquals(List.of("Java agent byte-buddy-agent-1.15.jar (-javaagent:/m2/net/bytebuddy/byte-buddy-agent-1.15.jar)"),
                mocking.unfairDistortions(plain));
    }
}
