package io.perfgate.core.gate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quantities and attributes the memory-leak and database gates add to the gate model. */
class LeakAndDatabaseBoundsTest {

    @Test
    void growthRatesParseIntoBytesPerSecondAndReadPerHour() {
        assertEquals(10.0 * 1024 * 1024 / 3600, QuantityKind.SIZE_RATE.parse("10MB/h", "here"), 1e-9);
        assertEquals(10.0 * 1024 * 1024 / 3600, QuantityKind.SIZE_RATE.parse("10 MB/hour", "here"), 1e-9);
        assertEquals(512.0 * 1024 / 60, QuantityKind.SIZE_RATE.parse("512KB/min", "here"), 1e-9);
        assertEquals(1024.0, QuantityKind.SIZE_RATE.parse("1KB/s", "here"), 1e-9);
        assertEquals("10 MB/h", QuantityKind.SIZE_RATE.format(10.0 * 1024 * 1024 / 3600));
        assertEquals("-3.52 KB/h", QuantityKind.SIZE_RATE.format(-1.0));
    }

    @Test
    void badGrowthRatesNameTheSourceAndTheExpectedForm() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> parse(Metric.LEAK_PER_HOUR, "10MB", "@MemoryGate(leakPerHour) on LeakTest#run"));
        assertEquals("@MemoryGate(leakPerHour) on LeakTest#run: cannot read '10MB': expected "
                + QuantityKind.SIZE_RATE.expected(), error.getMessage());
        assertThrows(InvalidGateException.class, () -> QuantityKind.SIZE_RATE.parse("-1MB/h", "here"));
    }

    @Test
    void countsAreWholeNumbers() {
        assertEquals(10.0, QuantityKind.COUNT.parse("10", "here"));
        assertEquals("1,200", QuantityKind.COUNT.format(1200));
        assertEquals("2.5", QuantityKind.COUNT.format(2.5));
        assertThrows(InvalidGateException.class, () -> QuantityKind.COUNT.parse("10ms", "here"));
        assertThrows(InvalidGateException.class, () -> QuantityKind.COUNT.parse("2.5", "here"));
        Bound bound = parse(Metric.STATEMENTS_PER_INVOCATION, "3..5", "here");
        assertEquals(Verdict.WARN, bound.judge(4, Direction.LOWER_IS_BETTER));
        assertEquals(Verdict.FAIL, bound.judge(6, Direction.LOWER_IS_BETTER));
    }

    @Test
    void negativeSizesReadLikePositiveOnes() {
        assertEquals("-2 KB", QuantityKind.SIZE.format(-2048));
        assertEquals("2 KB", QuantityKind.SIZE.format(2048));
    }

    @Test
    void poolEfficiencyIsAMinimum() {
        Bound bound = parse(Metric.POOL_EFFICIENCY, "95%..80%", "here");
        assertEquals(Verdict.PASS, bound.judge(0.97, Metric.POOL_EFFICIENCY.direction()));
        assertEquals(Verdict.WARN, bound.judge(0.90, Metric.POOL_EFFICIENCY.direction()));
        assertEquals(Verdict.FAIL, bound.judge(0.70, Metric.POOL_EFFICIENCY.direction()));
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> parse(Metric.POOL_EFFICIENCY, "80%..95%", "@DatabaseGate(poolEfficiency)"));
        assertTrue(error.getMessage().contains("is below the threshold"), error.getMessage());
    }

    @Test
    void everyDatabaseAttributeResolves() {
        for (String attribute : new String[] {"queryP95", "transactionP95", "poolEfficiency", "deadlockRate",
                "maxStatementsPerInvocation"}) {
            assertEquals(GateType.DATABASE, Metric.of(GateType.DATABASE, attribute, "here").gateType());
        }
        assertEquals(GateType.DATABASE, GateType.fromDeclarationName("DatabaseGate"));
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> Metric.of(GateType.DATABASE, "queryP99", "@DatabaseGate on RepoTest"));
        assertTrue(error.getMessage().contains("has no metric 'queryP99'"), error.getMessage());
    }

    private static Bound parse(Metric metric, String text, String source) {
        return Bound.parse(text, metric.kind(), metric.direction(), source);
    }
}
