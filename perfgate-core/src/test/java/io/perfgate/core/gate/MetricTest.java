package io.perfgate.core.gate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricTest {
    private static final String SOURCE = "@LatencyGate(p101 = \"200ms\") on method OrderTest#create";

    @Test
    void findsTheMetricOfAnAttribute() {
        assertEquals(Metric.LATENCY_P95, Metric.of(GateType.LATENCY, "p95", SOURCE));
        assertEquals(Metric.LATENCY_MAX, Metric.of(GateType.LATENCY, "max", SOURCE));
        assertEquals(Metric.THROUGHPUT, Metric.of(GateType.THROUGHPUT, "min", SOURCE));
        assertEquals(Metric.ERROR_RATE, Metric.of(GateType.ERROR_RATE, "max", SOURCE));
        assertEquals(Metric.ALLOCATION_PER_INVOCATION, Metric.of(GateType.MEMORY, "allocationPerInvocation", SOURCE));
    }

    @Test
    void anUnknownAttributeNamesTheValidOnes() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> Metric.of(GateType.LATENCY, "p101", SOURCE));
        assertEquals(SOURCE + ": @LatencyGate has no metric 'p101'; expected one of [p50, p90, p95, p99, max, mean, cpuMean, cpuP50, cpuP95, cpuP99]",
                error.getMessage());
        assertEquals(SOURCE + ": @MemoryGate has no metric 'heap'; expected one of"
                        + " [heapAfterGc, allocationPerInvocation, gcPause, gcTime, leakPerInvocation, leakPerHour]",
                assertThrows(InvalidGateException.class, () -> Metric.of(GateType.MEMORY, "heap", SOURCE)).getMessage());
    }

    @Test
    void percentilesKnowTheirQuantile() {
        assertEquals(OptionalDouble.of(0.95), Metric.LATENCY_P95.quantile());
        assertEquals(OptionalDouble.of(0.5), Metric.LATENCY_P50.quantile());
        assertEquals(OptionalDouble.empty(), Metric.LATENCY_MAX.quantile());
        assertEquals(OptionalDouble.empty(), Metric.THROUGHPUT.quantile());
    }

    @Test
    void metricsOfAGateComeInDeclarationOrder() {
        assertEquals(List.of(Metric.LATENCY_P50, Metric.LATENCY_P90, Metric.LATENCY_P95, Metric.LATENCY_P99,
                Metric.LATENCY_MAX, Metric.LATENCY_MEAN, Metric.CPU_MEAN, Metric.CPU_P50, Metric.CPU_P95, Metric.CPU_P99),
                Metric.of(GateType.LATENCY));
        assertEquals(Direction.HIGHER_IS_BETTER, Metric.THROUGHPUT.direction());
        assertEquals(QuantityKind.PERCENT, Metric.ERROR_RATE.kind());
    }

    @Test
    void parsesBoundsInItsOwnKindAndDirection() {
        assertEquals(1000, parse(Metric.THROUGHPUT, "1200/s..1000/s", SOURCE).threshold());
        assertThrows(InvalidGateException.class, () -> parse(Metric.THROUGHPUT, "1000/s..1200/s", SOURCE));
        assertThrows(InvalidGateException.class, () -> parse(Metric.HEAP_AFTER_GC, "200ms", SOURCE));
    }

    @Test
    void gateTypesAreFoundByTheirAnnotationName() {
        assertEquals(GateType.LATENCY, GateType.fromDeclarationName("LatencyGate"));
        assertEquals(GateType.ERROR_RATE, GateType.fromDeclarationName("ERROR_RATE"));
        assertEquals("unknown gate 'SpeedGate'; expected one of [LatencyGate, ThroughputGate, ErrorRateGate, MemoryGate, DatabaseGate, FrontendGate]",
                assertThrows(InvalidGateException.class, () -> GateType.fromDeclarationName("SpeedGate")).getMessage());
    }

    private static Bound parse(Metric metric, String text, String source) {
        return Bound.parse(text, metric.kind(), metric.direction(), source);
    }
}
