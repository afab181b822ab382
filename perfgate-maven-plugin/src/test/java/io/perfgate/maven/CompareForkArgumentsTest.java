package io.perfgate.maven;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareForkArgumentsTest {
    private static final String JACOCO = "-javaagent:/home/u/.m2/repository/org/jacoco/org.jacoco.agent/0.8.13/"
            + "org.jacoco.agent-0.8.13-runtime.jar=destfile=/work/app/target/jacoco.exec";

    private static final String RESULTS = "-D" + ForkArguments.RESULTS_DIRECTORY + "=/work/app/target/perfgate/results";

    /** What prepare and JaCoCo's prepare-agent leave in the argLine property, as a build sets it. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "argLine", JACOCO + " -Dperfgate.mode=record " + RESULTS + " -Dperfgate.profile=standard",
            "heap", "-Xmx768m");

    @Test
    void theTestsOwnArgumentsReachTheForksWithoutThisBuildsAgentsOrPerfgatesRecordingSettings() {
        CompareForkArguments.Arguments arguments = CompareForkArguments.of(
                "@{argLine} ${heap} --add-opens java.base/java.lang=ALL-UNNAMED \"-Dgreeting=hello world\""
                        + " -Dperfgate.maxCpuWait=20% -agentlib:jdwp=transport=dt_socket,server=y,suspend=n",
                PROPERTIES::get, Map.of(), List.of("-XX:+UseSerialGC"));

        assertEquals(List.of("-Xmx768m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dgreeting=hello world",
                "-Dperfgate.maxCpuWait=20%", "-XX:+UseSerialGC"), arguments.jvmArguments());
        // perfgate's recording settings, in every argLine prepare extends, are dropped without a word
        assertEquals(List.of(JACOCO, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n"),
                List.copyOf(arguments.leftOut().keySet()));
        assertTrue(arguments.leftOut().get(JACOCO).startsWith("an agent of this build's test JVMs"));
    }

    @Test
    void systemPropertyVariablesBecomePropertiesOfTheForksAndJvmArgsComeLastSoTheyWin() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("spring.profiles.active", "perf");
        variables.put("empty", null);
        variables.put("perfgate.skip", "true");
        CompareForkArguments.Arguments arguments = CompareForkArguments.of(null, PROPERTIES::get, variables,
                List.of("-Dspring.profiles.active=other"));

        assertEquals(List.of("-Dspring.profiles.active=perf", "-Dempty=", "-Dspring.profiles.active=other"),
                arguments.jvmArguments());
        assertEquals(Map.of(), arguments.leftOut());
    }

    @Test
    void aPropertyThatIsNotSetIsLeftOutRatherThanPassedAsText() {
        CompareForkArguments.Arguments arguments = CompareForkArguments.of("@{argLine} @{unset} -ea",
                name -> null, Map.of(), List.of());

        assertEquals(List.of("-ea"), arguments.jvmArguments());
        assertEquals(Map.of("@{argLine}", "it names a property that is not set",
                "@{unset}", "it names a property that is not set"), arguments.leftOut());
    }

    @Test
    void anUnbalancedQuoteIsAnErrorNamingTheArgLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CompareForkArguments.of("-Dname=\"open", name -> null, Map.of(), List.of()));
        assertEquals("unbalanced quote \" in argLine [-Dname=\"open]", error.getMessage());
    }
}
