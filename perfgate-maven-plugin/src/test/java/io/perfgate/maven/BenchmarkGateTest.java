package io.perfgate.maven;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.jmh.BenchmarkGateRule;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A {@code <gate>} as Maven fills it in (field by field) and the rule it becomes. */
class BenchmarkGateTest {

    private static BenchmarkGate gate(Map<String, Object> fields) throws ReflectiveOperationException {
        BenchmarkGate gate = new BenchmarkGate();
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            Field field = BenchmarkGate.class.getDeclaredField(entry.getKey());
            field.setAccessible(true);
            field.set(gate, entry.getValue());
        }
        return gate;
    }

    @Test
    void everyElementSetsItsMetric() throws ReflectiveOperationException {
        BenchmarkGateRule rule = gate(Map.ofEntries(Map.entry("benchmark", "Parser"), Map.entry("throughput", "1000/s"),
                Map.entry("mean", "1ms"), Map.entry("p50", "1ms"), Map.entry("p90", "2ms"), Map.entry("p95", "3ms"),
                Map.entry("p99", "4ms"), Map.entry("max", "5ms"), Map.entry("allocationPerInvocation", "64B"),
                Map.entry("level", "warning"), Map.entry("allowInconclusive", true))).toRule();

        String where = "pom <gate> for benchmarks matching 'Parser'";
        assertEquals(List.of(
                new GateDeclaration("LatencyGate", Level.WARNING, true, where, Map.of("mean", "1ms", "p50", "1ms",
                        "p90", "2ms", "p95", "3ms", "p99", "4ms", "max", "5ms"), null),
                new GateDeclaration("ThroughputGate", Level.WARNING, true, where, Map.of("min", "1000/s"), null),
                new GateDeclaration("MemoryGate", Level.WARNING, true, where,
                        Map.of("allocationPerInvocation", "64B"), null)), rule.gates());
    }

    @Test
    void theLevelDefaultsToBlockingAndAWrongOneIsNamed() throws ReflectiveOperationException {
        assertEquals(Level.BLOCKING, gate(Map.of("benchmark", "x", "mean", "1ms")).toRule().gates().get(0).level());

        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> gate(Map.of("benchmark", "x", "mean", "1ms", "level", "FATAL")).toRule());
        assertEquals("<gate> for benchmarks matching 'x': <level>FATAL</level> is not a level; use BLOCKING, WARNING"
                + " or ADVISORY", error.getMessage());
    }

    @Test
    void aGateWithoutBoundsOrPatternIsRejected() {
        assertThrows(InvalidGateException.class, () -> gate(Map.of("benchmark", "x")).toRule());
        assertThrows(InvalidGateException.class, () -> gate(Map.of("mean", "1ms")).toRule());
    }
}
