package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Gated, so tagged "perf": it runs in the perf-tests execution, without JaCoCo's agent. */
class PricingPerfTest {
    @BeforeAll
    static void noCoverageAgentHere() {
        assertFalse(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("org.jacoco.agent")),
                ManagementFactory.getRuntimeMXBean().getInputArguments()::toString);
    }

    @Test
    @PerfTest(warmupInvocations = 1_000, invocations = 5_000)
    @LatencyGate(p95 = "50ms")
    void pricesAnOrder() {
        assertEquals(5_997L, Pricing.total(2));
    }
}
