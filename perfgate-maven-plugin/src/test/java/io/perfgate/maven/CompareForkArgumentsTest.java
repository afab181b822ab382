package io.perfgate.maven;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompareForkArgumentsTest {
    private static final String JACOCO = "-javaagent:/home/u/.m2/repository/org/jacoco/org.jacoco.agent/0.8.13/"
            + "org.jacoco.agent-0.8.13-runtime.jar=destfile=/work/app/target/jacoco.exec";
    private static final String MOCKITO = "-javaagent:/home/u/.m2/repository/org/mockito/mockito-core/5.14.2/"
            + "mockito-core-5.14.2.jar";
    private static final String RESULTS = "-D" + ForkArguments.RESULTS_DIRECTORY + "=/work/app/target/perfgate/results";

    /** What prepare and JaCoCo's prepare-agent leave in the project's argLine property during a build. */
    private static Properties projectProperties() {
        Properties properties = new Properties();
        properties.setProperty("argLine", JACOCO + " -Dperfgate.mode=record " + RESULTS + " -Dperfgate.profile=standard");
        properties.setProperty("heap", "-Xmx768m");
        return properties;
    }

    private static SurefireConfiguration surefire(String argLine, Map<String, String> variables, Properties user) {
        return new SurefireConfiguration(argLine, variables, user, projectProperties());
    }

    @Test
    void theTestsOwnArgumentsReachTheForksWithoutCoverageOrDebuggerAgentsOrPerfgatesRecordingSettings() {
        CompareForkArguments.Arguments arguments = CompareForkArguments.of(surefire(
                "@{argLine} ${heap} --add-opens java.base/java.lang=ALL-UNNAMED \"-Dgreeting=hello world\" " + MOCKITO
                        + " -Dperfgate.maxCpuWait=20% -agentlib:jdwp=transport=dt_socket,server=y,suspend=y"
                        + " -Xrunjdwp:transport=dt_socket -Dfork=@{surefire.forkNumber}",
                Map.of(), new Properties()), List.of("-XX:+UseSerialGC"));

        // perfgate's recording settings, in every argLine prepare extends, are dropped without a word; other
        // agents (Mockito's) stay, since tests need them
        assertEquals(List.of("-Xmx768m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dgreeting=hello world",
                MOCKITO, "-Dperfgate.maxCpuWait=20%", "-Dfork=1", "-XX:+UseSerialGC"), arguments.jvmArguments());
        assertEquals(List.of(JACOCO, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y",
                "-Xrunjdwp:transport=dt_socket"), List.copyOf(arguments.leftOut().keySet()));
        assertEquals("a coverage agent would add the forks' runs, base code included, to this build's coverage data",
                arguments.leftOut().get(JACOCO));
        assertEquals("a debugger agent would wait for a debugger in every fork",
                arguments.leftOut().get("-Xrunjdwp:transport=dt_socket"));
    }

    @Test
    void systemPropertyVariablesThenTheBuildsOwnPropertiesThenJvmArgsSoTheLaterWin() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("spring.profiles.active", "perf");
        variables.put("empty", null);
        variables.put("perfgate.skip", "true");
        Properties user = new Properties();
        user.setProperty("spring.profiles.active", "ci");
        user.setProperty("perfgate.against", "main");
        user.setProperty("maven.repo.local", "/tmp/repository");
        user.setProperty("java.io.tmpdir", "/elsewhere");
        CompareForkArguments.Arguments arguments = CompareForkArguments.of(surefire(null, variables, user),
                List.of("-Dspring.profiles.active=other"));

        assertEquals(List.of("-Dspring.profiles.active=perf", "-Dempty=", "-Dspring.profiles.active=ci",
                "-Dspring.profiles.active=other"), arguments.jvmArguments());
        assertEquals(Map.of(), arguments.leftOut());
    }

    @Test
    void lateReplacementReadsTheProjectsPropertiesAndDollarTheBuildsFirst() {
        Properties user = new Properties();
        user.setProperty("heap", "-Xmx2g");
        CompareForkArguments.Arguments arguments = CompareForkArguments.of(surefire("@{heap} ${heap}", Map.of(), user),
                List.of());
        assertEquals(List.of("-Xmx768m", "-Xmx2g", "-Dheap=-Xmx2g"), arguments.jvmArguments());
    }

    @Test
    void aPropertyThatIsNotSetIsLeftOutRatherThanPassedAsText() {
        CompareForkArguments.Arguments arguments = CompareForkArguments.of(new SurefireConfiguration(
                "@{argLine} @{unset} -ea", Map.of(), new Properties(), new Properties()), List.of());

        assertEquals(List.of("-ea"), arguments.jvmArguments());
        assertEquals(Map.of("@{argLine}", "it names a property that is not set",
                "@{unset}", "it names a property that is not set"), arguments.leftOut());
    }

    @Test
    void anUnbalancedQuoteIsAnErrorNamingTheArgLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CompareForkArguments.of(surefire("-Dname=\"open", Map.of(), new Properties()), List.of()));
        assertEquals("unbalanced quote \" in argLine [-Dname=\"open]", error.getMessage());
    }
}
