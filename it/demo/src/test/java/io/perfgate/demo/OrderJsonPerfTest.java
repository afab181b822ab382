package io.perfgate.demo;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderJsonPerfTest {

    private final OrderJson json = new OrderJson();
    private final PricedOrder priced = new OrderPricing().price(Orders.typical());

    @Test
    @LatencyGate(p95 = "2ms")
    void encodesAPricedOrder() {
        assertTrue(json.encode(priced).contains("\"orderId\":\"o-1001\""));
    }
}
