package io.perfgate.demo;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import io.perfgate.junit.ThroughputGate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pricing sits on the checkout path: its latency is gated. Each test is an ordinary JUnit test whose body
 * perfgate runs many times; the assertions still check the result of every invocation.
 */
class OrderPricingPerfTest {

    private final OrderPricing pricing = new OrderPricing();

    @Test
    @LatencyGate(p95 = "2ms", p99 = "5ms")
    void pricesATypicalOrder() {
        PricedOrder priced = pricing.price(Orders.typical());
        assertEquals(new BigDecimal("33.06"), priced.total());
    }

    /** A fixed workload instead of the profile's defaults: 200 warmup and 2,000 measured invocations. */
    @Test
    @PerfTest(warmupInvocations = 200, invocations = 2_000)
    @LatencyGate(p95 = "10ms")
    @ThroughputGate(min = "200/s")
    void pricesALargeOrder() {
        PricedOrder priced = pricing.price(Orders.large(200));
        assertTrue(priced.total().signum() > 0);
    }
}
