package shop;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit test: it runs in the default execution, with JaCoCo's agent. */
class PricingTest {
    @Test
    void totals() {
        assertEquals(5_997L, Pricing.total(2));
    }

    @Test
    void coverageIsOnHere() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("jacoco")),
                ManagementFactory.getRuntimeMXBean().getInputArguments()::toString);
    }
}
