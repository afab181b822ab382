package io.perfgate.core.measure;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.GateReader;
import io.perfgate.core.spec.GateSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleRequirementTest {

    private static GateSpec gate(String name, Map<String, String> bounds) {
        return GateReader.read(new GateDeclaration(name, Level.BLOCKING, false, "OrderTest#create", bounds, null));
    }

    @Test
    void percentilesNeedTenSamplesBeyondThem() {
        assertEquals(new SampleRequirement(1000, 1),
                SampleRequirement.of(List.of(gate("LatencyGate", Map.of("p95", "1ms", "p99", "2ms")))));
        assertEquals(new SampleRequirement(200, 1), SampleRequirement.of(List.of(gate("LatencyGate", Map.of("p95", "1ms")))));
        assertEquals(SampleRequirement.NONE, SampleRequirement.of(List.of(gate("LatencyGate", Map.of("mean", "1ms")))));
    }

    @Test
    void anErrorRateBoundNeedsTenErrorsWorthOfInvocations() {
        SampleRequirement need = SampleRequirement.of(List.of(
                gate("ErrorRateGate", Map.of("max", "1%")), gate("LatencyGate", Map.of("p50", "1ms"))));
        assertEquals(new SampleRequirement(20, 1000), need);
        assertEquals(SampleRequirement.NONE, SampleRequirement.of(List.of(gate("ErrorRateGate", Map.of("max", "0%")))));
    }

    @Test
    void anUnknownAttributeIsNamed() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> SampleRequirement.of(List.of(gate("LatencyGate", Map.of("p42", "1ms")))));
        assertEquals("@LatencyGate(p42 = \"1ms\") on OrderTest#create: @LatencyGate has no metric 'p42'; "
                + "expected one of [p50, p90, p95, p99, max, mean, cpuMean, cpuP50, cpuP95, cpuP99]", error.getMessage());
    }
}
