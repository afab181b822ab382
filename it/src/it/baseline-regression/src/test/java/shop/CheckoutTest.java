package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.locks.LockSupport;

class CheckoutTest {

    /**
     * Parks 500 us per invocation. {@code -Dshop.slowdown=2} makes it twice as slow, as a change to the
     * checkout would. The absolute gate is generous on purpose: only the comparison with the baseline catches it.
     */
    @Test
    @PerfTest(warmupInvocations = 500, invocations = 4000)
    @LatencyGate(p95 = "50ms")
    void checkout() {
        double slowdown = Double.parseDouble(System.getProperty("shop.slowdown", "1"));
        LockSupport.parkNanos((long) (500_000 * slowdown));
    }
}
