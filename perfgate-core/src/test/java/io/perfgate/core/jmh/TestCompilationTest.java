package io.perfgate.core.jmh;

import io.perfgate.core.jmh.TestCompilation.Setting;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiler settings that keep JMH's annotation processor from running are named, with where and the fix. */
class TestCompilationTest {
    private static final String PARENT = "com.acme:acme-parent:7 (/src/parent/pom.xml:40)";

    @Test
    void procNoneInheritedFromAParentIsNamedWithItsPomAndTheFix() {
        TestCompilation compilation = new TestCompilation(List.of(
                new Setting(TestCompilation.ARGUMENT, "-Xlint:all", "<compilerArgs><arg>-Xlint:all</arg></compilerArgs>", PARENT),
                new Setting(TestCompilation.ARGUMENT, "-proc:none", "<compilerArgs><arg>-proc:none</arg></compilerArgs>",
                        PARENT)), true);

        String message = compilation.processorDisabled().orElseThrow();

        assertEquals("the test compilation turns annotation processing off with <compilerArgs><arg>-proc:none</arg>"
                + "</compilerArgs> (declared in " + PARENT + "), so JMH's annotation processor never ran and no benchmark"
                + " can run. Fix: give the maven-compiler-plugin's <execution><id>default-testCompile</id> its own"
                + " <compilerArgs combine.self=\"override\"> without -proc:none (list the other arguments the tests need"
                + " there), so that the main sources keep theirs; then run mvn clean verify, since the test classes"
                + " compiled without it are stale", message);
    }

    @Test
    void theProcParameterIsNamedWithItsOwnFix() {
        TestCompilation compilation = new TestCompilation(List.of(
                new Setting(TestCompilation.PROC, "none", "<proc>none</proc>", null)), true);

        String message = compilation.processorDisabled().orElseThrow();

        assertTrue(message.startsWith("the test compilation turns annotation processing off with <proc>none</proc>,"),
                message);
        assertTrue(message.contains("Fix: set <proc>full</proc> in the maven-compiler-plugin's"), message);
    }

    @Test
    void theLastProcOptionWins() {
        TestCompilation reenabled = new TestCompilation(List.of(
                new Setting(TestCompilation.PROC, "none", "<proc>none</proc>", PARENT),
                new Setting(TestCompilation.ARGUMENT, "-proc:full", "<compilerArgs>", null)), true);
        TestCompilation plain = new TestCompilation(List.of(
                new Setting(TestCompilation.ARGUMENT, "-parameters", "<compilerArgs>", null)), true);

        assertEquals(Optional.empty(), reenabled.processorDisabled());
        assertEquals(Optional.empty(), plain.processorDisabled());
    }

    @Test
    void anExplicitProcessorListWithoutJmhsIsNamed() {
        TestCompilation lombokOnly = new TestCompilation(List.of(new Setting(TestCompilation.PROCESSORS,
                "lombok.launch.AnnotationProcessorHider$AnnotationProcessor", "<annotationProcessors>", PARENT)), true);
        TestCompilation withJmh = new TestCompilation(List.of(
                new Setting(TestCompilation.PROCESSORS, "lombok.Processor", "<annotationProcessors>", null),
                new Setting(TestCompilation.PROCESSORS, TestCompilation.JMH_PROCESSOR, "<annotationProcessors>", null)),
                true);

        assertEquals("<annotationProcessors> names only [lombok.launch.AnnotationProcessorHider$AnnotationProcessor]"
                + " (declared in " + PARENT + "), and javac then runs no other processor, so JMH's never ran. Fix: add"
                + " org.openjdk.jmh.generators.BenchmarkProcessor to <annotationProcessors> of the test compilation;"
                + " then run mvn clean verify", lombokOnly.processorDisabled().orElseThrow());
        assertEquals(Optional.empty(), withJmh.processorDisabled());
    }
}
