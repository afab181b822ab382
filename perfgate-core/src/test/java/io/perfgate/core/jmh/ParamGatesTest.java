package io.perfgate.core.jmh;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.jmh.gates.ParamBenchmarks;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounds per @Param value: params on annotations and on pom rules, the more specific winning. */
class ParamGatesTest {
    private static final String LOOKUP = "x.ParamBenchmarks.lookup";
    private final AnnotatedGates reader = new AnnotatedGates("io.perfgate.core.jmh.gates",
            org.junit.platform.commons.support.AnnotationSupport::findAnnotation);

    private static Map<String, String> size(String value) {
        return Map.of("size", value);
    }

    private static String bound(List<GateDeclaration> gates) {
        assertEquals(1, gates.size(), gates.toString());
        return gates.get(0).bounds() + " from " + gates.get(0).declaredOn();
    }

    @Test
    void selectorsParseAndMatch() {
        ParamSelector selector = ParamSelector.parse(" size = 1000|10000 , codec=json", "here");

        assertEquals("size=1000|10000, codec=json", selector.text());
        assertEquals(2, selector.specificity());
        assertTrue(selector.matches(Map.of("size", "10000", "codec", "json", "other", "1")));
        assertFalse(selector.matches(Map.of("size", "100", "codec", "json")));
        assertFalse(selector.matches(size("1000")), "codec is missing");
        assertTrue(ParamSelector.parse(" ", "here").matches(Map.of()));
        assertEquals("here: params = \"size\": expected name=value pairs separated by commas, such as size=10000 or"
                + " size=1000|10000, codec=json", assertThrows(InvalidGateException.class,
                () -> ParamSelector.parse("size", "here")).getMessage());
        assertTrue(assertThrows(InvalidGateException.class, () -> ParamSelector.parse("size=1,size=2", "here"))
                .getMessage().contains("names size twice; list its values with |, such as size=10|100"));
    }

    @Test
    void anAnnotationWithParamsWinsForItsRunsAndTheClassGateJudgesTheOthers() {
        DeclaredGates gates = new DeclaredGates(List.of());
        gates.add(LOOKUP, reader.declaredOn(ParamBenchmarks.class, "lookup"));

        assertEquals("{mean=5ms} from method ParamBenchmarks#lookup (params = \"size=10000\")",
                bound(gates.of(LOOKUP, size("10000"))));
        assertEquals("{mean=50us} from class ParamBenchmarks", bound(gates.of(LOOKUP, size("10"))));
    }

    @Test
    void aPomRuleWithParamsWinsOverOneWithoutAndTiesAreErrors() {
        BenchmarkGateRule all = BenchmarkGateRule.of("Lookup", Map.of("mean", "50us"), Level.BLOCKING, false);
        BenchmarkGateRule large = BenchmarkGateRule.of("Lookup", Map.of("mean", "5ms", "params", "size=10000"),
                Level.BLOCKING, false);
        BenchmarkGateRule json = BenchmarkGateRule.of("Lookup", Map.of("mean", "1ms", "params", "codec=json"),
                Level.BLOCKING, false);
        DeclaredGates gates = new DeclaredGates(List.of(all, large, json));
        gates.add("a.Lookup.get", List.of());

        assertEquals("{mean=5ms} from pom <gate> for benchmarks matching 'Lookup' with size=10000",
                bound(gates.of("a.Lookup.get", Map.of("size", "10000", "codec", "xml"))));
        assertEquals("{mean=50us} from pom <gate> for benchmarks matching 'Lookup'",
                bound(gates.of("a.Lookup.get", Map.of("size", "10", "codec", "xml"))));
        InvalidGateException tie = assertThrows(InvalidGateException.class,
                () -> gates.of("a.Lookup.get", Map.of("size", "10000", "codec", "json")));
        assertEquals("a.Lookup.get [codec=json, size=10000] matches two build rules that both set a LatencyGate: pom <gate> for"
                + " benchmarks matching 'Lookup' with size=10000 and pom <gate> for benchmarks matching 'Lookup' with"
                + " codec=json; make the patterns or their <params> exclusive", tie.getMessage().replace("[size=10000, codec=json]",
                "[codec=json, size=10000]"));
    }

    @Test
    void paramsThatSelectNoRunAreReported() {
        BenchmarkGateRule typo = BenchmarkGateRule.of("misspelt", Map.of("mean", "1ms", "params", "size=7"),
                Level.BLOCKING, false);
        DeclaredGates gates = new DeclaredGates(List.of(typo));
        String misspelt = "x.ParamBenchmarks.misspelt";
        gates.add(misspelt, reader.declaredOn(ParamBenchmarks.class, "misspelt"));
        List<TestResult> results = JmhResults.convert(List.of(JmhResultReader.parse(JmhResultReaderTest.json("5", "1",
                        "[[5]]").replace("a.B.c", misspelt).replace("\"forks\"", "\"params\" : {\"size\" : \"10000\"},"
                        + " \"forks\""), "r.json").get(0)), List.of(), List.of(), gates::of, "smoke", Instant.now());

        assertEquals(List.of("@LatencyGate(params = \"sise=10000\") on method ParamBenchmarks#misspelt selects none of"
                        + " the parameter sets x.ParamBenchmarks.misspelt ran with: [size=10000]",
                "pom <gate> for benchmarks matching 'misspelt' with <params>size=7</params> selects none of the"
                        + " parameter sets x.ParamBenchmarks.misspelt ran with: [size=10000]"),
                gates.unmatchedParams(results));
    }

    @Test
    void theGcProfilerRunsWhenAnyParameterSetHasAnAllocationGate() {
        BenchmarkGateRule large = BenchmarkGateRule.of("Lookup",
                Map.of("allocationPerInvocation", "1KB", "params", "size=10000"), Level.BLOCKING, false);
        DeclaredGates with = new DeclaredGates(List.of(large));
        with.add("a.Lookup.get", List.of());
        DeclaredGates without = new DeclaredGates(List.of(large));
        without.add("a.Other.get", List.of());

        assertTrue(with.needGcProfiler());
        assertFalse(without.needGcProfiler());
    }
}
