package io.perfgate.core.result;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentTest {

    private static Environment withArguments(boolean assertions, String... arguments) {
        return new Environment("17", "vendor", "vm", "Linux", "amd64", 2, "cpu", 1L << 30, List.of(arguments),
                assertions);
    }

    @Test
    void aCleanJvmDistortsNothing() {
        assertEquals(List.of(), withArguments(false, "-Xmx1g", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=4",
                "-Dfile.encoding=UTF-8").timingDistortions());
    }

    @Test
    void flagsCoverageDebuggerAndOtherAgents() {
        Environment environment = withArguments(false,
                "-javaagent:/home/me/.m2/repository/org/jacoco/org.jacoco.agent/0.8.12/"
                        + "org.jacoco.agent-0.8.12-runtime.jar=destfile=/work/target/jacoco.exec",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005",
                "-javaagent:C:\\tools\\profiler.jar",
                "-agentpath:/opt/async-profiler/libasyncProfiler.so=start",
                "-Xmx1g");
        assertEquals(List.of(
                "coverage agent org.jacoco.agent-0.8.12-runtime.jar (-javaagent:/home/me/.m2/repository/org/jacoco/"
                        + "org.jacoco.agent/0.8.12/org.jacoco.agent-0.8.12-runtime.jar=destfile=/work/target/jacoco.exec)",
                "debugger agent (-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005)",
                "Java agent profiler.jar (-javaagent:C:\\tools\\profiler.jar)",
                "native agent (-agentpath:/opt/async-profiler/libasyncProfiler.so=start)"),
                environment.timingDistortions());
    }

    @Test
    void flagsAssertionsAndALimitedJit() {
        assertEquals(List.of("JIT compiler off (-Xint)", "JIT limited (-XX:TieredStopAtLevel=1)",
                        "debugger agent (-Xrunjdwp:transport=dt_socket)", "assertions enabled (-ea)"),
                withArguments(true, "-Xint", "-XX:TieredStopAtLevel=1", "-Xrunjdwp:transport=dt_socket")
                        .timingDistortions());
    }

    @Test
    void describesTheRunningJvm() {
        Environment current = Environment.current();
        assertEquals(System.getProperty("java.version"), current.javaVersion());
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), current.jvmArguments());
        assertEquals(Runtime.getRuntime().availableProcessors(), current.availableProcessors());
        boolean assertionsOn = false;
        assert assertionsOn = true;
        // surefire enables assertions in its forks by default; then the environment must say so
        assertEquals(assertionsOn || current.jvmArguments().contains("-ea"), current.assertionsEnabled());
        assertTrue(!current.assertionsEnabled() || current.timingDistortions().contains("assertions enabled (-ea)"));
    }

    @Test
    void distortionsAreDerivedNotStored() throws Exception {
        String json = Json.mapper().writeValueAsString(withArguments(true, "-Xint"));
        assertTrue(!json.contains("timingDistortions"), json);
        assertEquals(withArguments(true, "-Xint"), Json.mapper().readValue(json, Environment.class));
    }
}
