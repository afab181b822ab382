package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class CheckoutTest {

    static volatile double total;

    /** A generous absolute gate: only the comparison with the baseline catches the slower discounts. */
    @Test
    @PerfTest(warmupInvocations = 5000, invocations = 60000)
    @LatencyGate(p95 = "50ms")
    void checkout() {
        double subtotal = new Cart().subtotal();
        total = new OrderPricing().applyDiscounts(subtotal);
    }
}
