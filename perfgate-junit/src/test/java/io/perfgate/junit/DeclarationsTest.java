package io.perfgate.junit;

import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.testkit.engine.Event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which declaration applies to a test: nearest wins, per annotation type. */
class DeclarationsTest {

    @TempDir
    Path results;

    private Map<String, TestResult> record(Class<?> sample) {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(sample);
        assertEquals(List.of(), outcome.failed());
        return SampleRuns.resultsByMethod(results);
    }

    private static GateDeclaration gate(TestResult result, String name) {
        return result.gates().stream().filter(gate -> gate.gate().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no @" + name + " on " + result.label() + ": " + result.gates()));
    }

    @Test
    void theMethodBeatsItsClassAndTheClassBeatsTheEnclosingClass() {
        Map<String, TestResult> byMethod = record(Outer.class);
        assertEquals(5, byMethod.size(), byMethod.keySet().toString());

        TestResult onMethod = byMethod.get("methodLevel");
        assertEquals(Map.of("max", "2s"), gate(onMethod, "LatencyGate").bounds());
        assertEquals("DeclarationsTest$Outer#methodLevel", gate(onMethod, "LatencyGate").declaredOn());

        TestResult onClass = byMethod.get("classLevel");
        assertEquals(Map.of("p50", "1s"), gate(onClass, "LatencyGate").bounds());
        assertEquals("class DeclarationsTest$Outer", gate(onClass, "LatencyGate").declaredOn());
        assertEquals(1, onClass.gates().size(), "only what is declared: " + onClass.gates());

        TestResult innerOwn = byMethod.get("innerClassLevel");
        assertEquals(Map.of("mean", "3s"), gate(innerOwn, "LatencyGate").bounds());
        assertEquals("class DeclarationsTest$Outer$Inner", gate(innerOwn, "LatencyGate").declaredOn());
        // per annotation type: the throughput gate comes from the method, the latency gate from the nested class
        assertEquals(Map.of("min", "1/s"), gate(innerOwn, "ThroughputGate").bounds());

        TestResult fromEnclosing = byMethod.get("enclosingLevel");
        assertEquals(Map.of("p50", "1s"), gate(fromEnclosing, "LatencyGate").bounds());
        assertEquals("class DeclarationsTest$Outer", gate(fromEnclosing, "LatencyGate").declaredOn());

        TestResult deep = byMethod.get("deep");
        assertEquals(Map.of("mean", "3s"), gate(deep, "LatencyGate").bounds(), "the nearest enclosing class wins");

        // the workload is resolved the same way: @PerfTest on Outer reaches every nested test
        byMethod.values().forEach(result -> assertEquals(20, result.measurement().invocations(), result.label()));
    }

    @Test
    void aSuperclassDeclarationIsInheritedAndASubclassOneReplacesIt() {
        Map<String, TestResult> inherited = record(Inheriting.class);
        assertEquals("class DeclarationsTest$Base", gate(inherited.get("inherited"), "LatencyGate").declaredOn());
        assertEquals(Map.of("p90", "1s"), gate(inherited.get("inherited"), "LatencyGate").bounds());
    }

    @Test
    void aDeclarationOnAnInterfaceApplies() {
        Map<String, TestResult> byMethod = record(ImplementsGated.class);
        assertEquals("interface DeclarationsTest$Gated", gate(byMethod.get("run"), "LatencyGate").declaredOn());
    }

    @Test
    void composedAnnotationsCarryGatesAndWorkloads() {
        Map<String, TestResult> byMethod = record(Composed.class);
        GateDeclaration latency = gate(byMethod.get("fast"), "LatencyGate");
        assertEquals("DeclarationsTest$Composed#fast via @FastEndpoint", latency.declaredOn());
        assertEquals(Map.of("p50", "10s"), latency.bounds());
        assertEquals(io.perfgate.core.gate.Level.WARNING, latency.level());
        assertEquals(7, byMethod.get("fast").measurement().invocations());
    }

    @Test
    void twoDeclarationsOfOneTypeAtOneLevelAreAnError() {
        Throwable failure = SampleRuns.standalone().run(Duplicate.class).failure();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@LatencyGate is declared 2 times on DeclarationsTest$Duplicate#run (directly, via @FastEndpoint); "
                + "declare it once per method or class", failure.getMessage());
    }

    @Test
    void paramsOnATestIsNamedAsTheBenchmarkSelectorItIs() {
        Throwable failure = SampleRuns.standalone().run(ParamsOnTest.class).failure();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@LatencyGate(params = \"size=10\") on DeclarationsTest$ParamsOnTest#run: params selects"
                + " the @Param values of a JMH benchmark, so it applies only to gates on benchmarks (perfgate:jmh);"
                + " remove it here", failure.getMessage());
    }

    @Test
    void gatedTestsAreTaggedPerf() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Composed.class);
        Set<String> tags = outcome.results().testEvents().started().stream()
                .map(Event::getTestDescriptor)
                .map(TestDescriptor::getTags)
                .flatMap(Set::stream)
                .map(TestTag::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("perf"), tags);
    }

    @Test
    void testsWithoutDeclarationRunPlainly() {
        PartlyGated.plainCalls.set(0);
        SampleRuns.recording(results).run(PartlyGated.class).assertTests(2, 0, 0, 0);
        assertEquals(1, PartlyGated.plainCalls.get());
        assertEquals(Set.of("gated"), SampleRuns.resultsByMethod(results).keySet());
    }

    @Sample
    static class PartlyGated {
        static final java.util.concurrent.atomic.AtomicLong plainCalls = new java.util.concurrent.atomic.AtomicLong();

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 3, warmupInvocations = 0)
        void gated() {
        }

        @Test
        void plain() {
            plainCalls.incrementAndGet();
        }
    }

    @Sample
    @LatencyGate(p50 = "1s")
    @PerfTest(invocations = 20, warmupInvocations = 0)
    static class Outer {
        @Test
        void classLevel() {
        }

        @Test
        @LatencyGate(max = "2s")
        void methodLevel() {
        }

        @Nested
        @LatencyGate(mean = "3s")
        class Inner {
            @Test
            @ThroughputGate(min = "1/s")
            void innerClassLevel() {
            }

            @Nested
            class Deeper {
                @Test
                void deep() {
                }
            }
        }

        @Nested
        class WithoutOwn {
            @Test
            void enclosingLevel() {
            }
        }
    }

    @LatencyGate(p90 = "1s")
    @PerfTest(invocations = 5, warmupInvocations = 0)
    abstract static class Base {
    }

    @Sample
    static class Inheriting extends Base {
        @Test
        void inherited() {
        }
    }

    @LatencyGate(p90 = "1s")
    @PerfTest(invocations = 5, warmupInvocations = 0)
    interface Gated {
    }

    @Sample
    static class ImplementsGated implements Gated {
        @Test
        void run() {
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @LatencyGate(p50 = "10s", level = Level.WARNING)
    @PerfTest(invocations = 7, warmupInvocations = 0)
    @interface FastEndpoint {
    }

    @Sample
    static class Composed {
        @Test
        @FastEndpoint
        void fast() {
        }
    }

    @Sample
    static class Duplicate {
        @Test
        @FastEndpoint
        @LatencyGate(p99 = "1s")
        void run() {
        }
    }

    @Sample
    static class ParamsOnTest {
        @Test
        @LatencyGate(p99 = "1s", params = "size=10")
        void run() {
        }
    }
}
