package io.perfgate.core.spec;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GateReaderTest {

    private static GateDeclaration written(String gate, Map<String, String> bounds) {
        return new GateDeclaration(gate, Level.WARNING, true, "method OrderTest#create", bounds, "GET /orders");
    }

    @Test
    void readsEveryPartIntoTypesAndParsesEachBoundOnce() {
        GateSpec spec = GateReader.read(written("LatencyGate", Map.of("p99", "400ms", "p50", "150ms..200ms")));

        assertEquals(GateType.LATENCY, spec.type());
        assertEquals(Level.WARNING, spec.level());
        assertEquals(true, spec.allowInconclusive());
        assertEquals("GET /orders", spec.scope());
        assertEquals("method OrderTest#create", spec.declaredOn());
        assertEquals(List.of(Metric.LATENCY_P50, Metric.LATENCY_P99), List.copyOf(spec.bounds().keySet()),
                "in the metrics' order, whatever order they were written in");
        Bound p50 = spec.bound(Metric.LATENCY_P50).orElseThrow();
        assertEquals(150e6, p50.target().getAsDouble());
        assertEquals(200e6, p50.threshold());
        assertEquals("150ms..200ms", p50.text(), "the source text is kept for reports and result files");
        assertEquals(400e6, spec.bound(Metric.LATENCY_P99).orElseThrow().threshold());
    }

    @Test
    void theWrittenFormRoundTrips() {
        GateDeclaration declaration = written("ThroughputGate", Map.of("min", "1200/s..1000/s"));

        assertEquals(declaration, GateReader.read(declaration).declaration());
    }

    @Test
    void aBadBoundIsNamedWithItsGateAttributeAndPlace() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> GateReader.read(written("LatencyGate", Map.of("p95", "200 parsecs"))));

        assertEquals("@LatencyGate(p95 = \"200 parsecs\") on method OrderTest#create: cannot read '200 parsecs':"
                + " expected a duration such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)", error.getMessage());
    }

    @Test
    void ofSeveralBadBoundsTheSameOneIsReportedEveryTime() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> GateReader.read(written("LatencyGate", Map.of("p99", "x", "p50", "y", "mean", "z"))));

        assertEquals("@LatencyGate(mean = \"z\") on method OrderTest#create: cannot read 'z': expected a duration"
                + " such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)", error.getMessage());
    }

    @Test
    void unknownGatesAttributesAndEmptyGatesAreRejected() {
        assertEquals("unknown gate 'SpeedGate'; expected one of [LatencyGate, ThroughputGate, ErrorRateGate,"
                        + " MemoryGate, DatabaseGate, FrontendGate]",
                assertThrows(InvalidGateException.class,
                        () -> GateReader.read(written("SpeedGate", Map.of("p95", "1ms")))).getMessage());
        assertEquals("@ThroughputGate(max = \"1/s\") on method OrderTest#create: @ThroughputGate has no metric 'max';"
                        + " expected one of [min]",
                assertThrows(InvalidGateException.class,
                        () -> GateReader.read(written("ThroughputGate", Map.of("max", "1/s")))).getMessage());
        assertEquals("@ErrorRateGate on method OrderTest#create sets no bound; set at least one of [max]",
                assertThrows(InvalidGateException.class,
                        () -> GateReader.read(written("ErrorRateGate", Map.of()))).getMessage());
    }

    @Test
    void paramsOutsideABenchmarkIsNamedAsTheJmhSelectorItIs() {
        InvalidGateException error = assertThrows(InvalidGateException.class, () -> GateReader.read(
                written("LatencyGate", Map.of("p95", "1ms", "params", "size=10"))));

        assertEquals("@LatencyGate(params = \"size=10\") on method OrderTest#create: params selects the @Param values"
                + " of a JMH benchmark, so it applies only to gates on benchmarks (perfgate:jmh); remove it here",
                error.getMessage());
    }

    @Test
    void eachSourceNamesItsBoundsInItsOwnWords() {
        InvalidGateException error = assertThrows(InvalidGateException.class, () -> GateReader.read(
                written("ErrorRateGate", Map.of("max", "101%")), "shop.yaml: gates.errorRate",
                (attribute, text) -> "shop.yaml: gates.errorRate." + attribute));

        assertEquals("shop.yaml: gates.errorRate.max: '101%' is above 100%", error.getMessage());
    }
}
