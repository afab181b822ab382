package io.perfgate.demo;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

/**
 * The audit call takes about 2 ms, just beyond its 2 ms target: the report shows a WARN (yellow), and the
 * build passes because the threshold, 250 ms, is far away.
 */
class AuditLogPerfTest {

    private final AuditLog audit = new AuditLog();
    private final PricedOrder priced = new OrderPricing().price(Orders.typical());

    @Test
    @LatencyGate(p95 = "2ms..250ms")
    void auditsAnOrder() {
        audit.record(priced);
    }
}
