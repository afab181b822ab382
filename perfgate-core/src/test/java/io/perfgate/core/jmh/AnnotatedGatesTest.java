package io.perfgate.core.jmh;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.jmh.gates.GatedBenchmarks;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotatedGatesTest {
    private final AnnotatedGates reader = new AnnotatedGates("io.perfgate.core.jmh.gates", AnnotationSupport::findAnnotation);
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void readsMethodThenClassDeclarationsByName() {
        List<List<GateDeclaration>> levels = reader.declaredOn(GatedBenchmarks.class, "parse");

        assertEquals(2, levels.size());
        assertEquals(List.of(
                new GateDeclaration("LatencyGate", Level.BLOCKING, true, "method GatedBenchmarks#parse",
                        Map.of("p50", "10us", "p99", "50us"), null),
                new GateDeclaration("MemoryGate", Level.BLOCKING, false, "method GatedBenchmarks#parse",
                        Map.of("allocationPerInvocation", "64B"), null)), levels.get(0));
        assertEquals(List.of(
                new GateDeclaration("ThroughputGate", Level.BLOCKING, false, "class GatedBenchmarks",
                        Map.of("min", "1000/s"), null),
                new GateDeclaration("LatencyGate", Level.WARNING, false, "class GatedBenchmarks",
                        Map.of("mean", "1ms"), null)).stream().sorted(java.util.Comparator.comparing(GateDeclaration::gate)).toList(),
                levels.get(1).stream().sorted(java.util.Comparator.comparing(GateDeclaration::gate)).toList());
    }

    @Test
    void theNearestDeclarationOfEachKindWinsThenBuildRulesFillIn() {
        BenchmarkGateRule rule = BenchmarkGateRule.of("GatedBenchmarks\\.parse",
                Map.of("throughput", "1/s", "allocationPerInvocation", "1KB", "mean", "5ms"), Level.ADVISORY, false);

        List<GateDeclaration> gates = BenchmarkGates.resolve("x.GatedBenchmarks.parse",
                reader.declaredOn(GatedBenchmarks.class, "parse"), List.of(rule));

        assertEquals(List.of("LatencyGate", "ThroughputGate", "MemoryGate"),
                gates.stream().map(GateDeclaration::gate).toList());
        assertEquals("method GatedBenchmarks#parse", gates.get(0).declaredOn(), "the method's latency gate, whole");
        assertEquals(Map.of("p50", "10us", "p99", "50us"), gates.get(0).bounds());
        assertEquals("class GatedBenchmarks", gates.get(1).declaredOn());
        assertEquals("method GatedBenchmarks#parse", gates.get(2).declaredOn());
    }

    @Test
    void aBuildRuleGatesWhatNoAnnotationDeclares() {
        BenchmarkGateRule rule = BenchmarkGateRule.of("plain", Map.of("allocationPerInvocation", "1KB"),
                Level.BLOCKING, false);

        List<GateDeclaration> gates = BenchmarkGates.resolve("x.GatedBenchmarks.plain",
                reader.declaredOn(GatedBenchmarks.class, "plain"), List.of(rule));

        assertEquals(3, gates.size());
        assertEquals("pom <gate> for benchmarks matching 'plain'", gates.get(2).declaredOn());
        assertEquals(Map.of("allocationPerInvocation", "1KB"), gates.get(2).bounds());
    }

    @Test
    void nestedClassesAreFoundByJmhsNameAndInheritEnclosingGates() {
        Class<?> nested = AnnotatedGates.benchmarkClass("io.perfgate.core.jmh.gates.GatedBenchmarks.Nested.inner", loader)
                .orElseThrow();
        assertEquals(GatedBenchmarks.Nested.class, nested);

        List<GateDeclaration> gates = BenchmarkGates.resolve("io.perfgate.core.jmh.gates.GatedBenchmarks.Nested.inner",
                reader.declaredOn(nested, "inner"), List.of());

        assertEquals(List.of("LatencyGate", "ThroughputGate", "MemoryGate"),
                gates.stream().map(GateDeclaration::gate).toList());
        assertEquals(Map.of("min", "5/s"), gates.get(1).bounds(), "the method's, not the enclosing class's");
        assertEquals("class GatedBenchmarks.Nested", gates.get(2).declaredOn());
        assertEquals("class GatedBenchmarks", gates.get(0).declaredOn());
    }

    @Test
    void inheritedClassGatesApply() {
        List<List<GateDeclaration>> levels = reader.declaredOn(GatedBenchmarks.Derived.class, "parse");

        assertEquals(2, levels.get(0).size(), "the inherited method's own gates");
        assertEquals(2, levels.get(1).size(), "@Inherited class gates");
    }

    @Test
    void gatesOnComposedAnnotationsCount() {
        List<List<GateDeclaration>> levels = reader.declaredOn(GatedBenchmarks.class, "composed");

        assertEquals(List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false,
                "method GatedBenchmarks#composed via @FastPath", Map.of("mean", "2us"), null)), levels.get(0));
    }

    @Test
    void anUnknownClassIsEmpty() {
        assertTrue(AnnotatedGates.benchmarkClass("com.nowhere.Bench.run", loader).isEmpty());
        assertTrue(AnnotatedGates.benchmarkClass("run", loader).isEmpty());
    }

    @io.perfgate.core.jmh.gates.LatencyGate(mean = "1ms")
    @io.perfgate.core.jmh.gates.FastPath
    static class DeclaredTwice {
        public long run() {
            return 0;
        }
    }

    @Test
    void twoOfOneKindAtOnePlaceAreRejectedInTheJUnitExtensionsWords() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> reader.declaredOn(DeclaredTwice.class, "run"));

        assertEquals("@LatencyGate is declared 2 times on class AnnotatedGatesTest.DeclaredTwice (directly,"
                + " via @FastPath); declare it once per method or class", error.getMessage());
    }

    static class BadBound {
        @io.perfgate.core.jmh.gates.ThroughputGate(min = "fast")
        public long run() {
            return 0;
        }
    }

    @Test
    void aBoundThatDoesNotParseIsRejectedAsTheJUnitExtensionRejectsIt() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> reader.declaredOn(BadBound.class, "run"));

        assertEquals("@ThroughputGate(min = \"fast\") on method AnnotatedGatesTest.BadBound#run: cannot read 'fast':"
                + " expected a rate such as 1000/s or 60/min", error.getMessage());
    }

    @Test
    void twoBuildRulesForOneKindOfGateConflict() {
        BenchmarkGateRule all = BenchmarkGateRule.of(".*", Map.of("throughput", "1/s"), Level.BLOCKING, false);
        BenchmarkGateRule parse = BenchmarkGateRule.of("parse", Map.of("throughput", "2/s"), Level.BLOCKING, false);

        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> BenchmarkGates.resolve("a.B.parse", List.of(), List.of(all, parse)));

        assertEquals("a.B.parse matches two build rules that both set a ThroughputGate: pom <gate> for benchmarks"
                + " matching '.*' and pom <gate> for benchmarks matching 'parse'; make the patterns exclusive",
                error.getMessage());
    }

    @Test
    void buildRulesAreCheckedWhenMade() {
        assertEquals("<gate> for benchmarks matching 'a.B': unknown bound <thruput>; expected one of"
                        + " [allocationPerInvocation, max, mean, p50, p90, p95, p99, throughput]",
                assertThrows(InvalidGateException.class, () -> BenchmarkGateRule.of("a.B",
                        Map.of("thruput", "1/s"), Level.BLOCKING, false)).getMessage());
        assertTrue(assertThrows(InvalidGateException.class, () -> BenchmarkGateRule.of("a(",
                Map.of("throughput", "1/s"), Level.BLOCKING, false)).getMessage()
                .startsWith("<gate> for benchmarks matching 'a(': not a regular expression"));
        assertTrue(assertThrows(InvalidGateException.class, () -> BenchmarkGateRule.of("a",
                Map.of("mean", " "), Level.BLOCKING, false)).getMessage().contains("sets no bound"));
        assertTrue(assertThrows(InvalidGateException.class, () -> BenchmarkGateRule.of(" ",
                Map.of("mean", "1ms"), Level.BLOCKING, false)).getMessage().contains("has no <benchmark> pattern"));
    }

    @Test
    void aBuildRuleSplitsItsBoundsByKindOfGate() {
        BenchmarkGateRule rule = BenchmarkGateRule.of("Parse", Map.of("throughput", "1000/s", "p99", "2ms",
                "mean", "1ms", "allocationPerInvocation", "0B"), Level.WARNING, true);

        assertEquals(List.of(
                new GateDeclaration("LatencyGate", Level.WARNING, true, "pom <gate> for benchmarks matching 'Parse'",
                        Map.of("mean", "1ms", "p99", "2ms"), null),
                new GateDeclaration("ThroughputGate", Level.WARNING, true, "pom <gate> for benchmarks matching 'Parse'",
                        Map.of("min", "1000/s"), null),
                new GateDeclaration("MemoryGate", Level.WARNING, true, "pom <gate> for benchmarks matching 'Parse'",
                        Map.of("allocationPerInvocation", "0B"), null)), rule.gates());
        assertTrue(rule.matches("com.acme.ParseBench.run"));
        assertTrue(!rule.matches("com.acme.WriteBench.run"));
        assertTrue(BenchmarkGates.needGcProfiler(List.of(rule.gates())));
        assertTrue(!BenchmarkGates.needGcProfiler(List.of(rule.gates().subList(0, 2))));
    }
}
