package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PricingPerfTest {

    /** The build's surefire settings give these; a JVM without them must not measure. */
    @BeforeAll
    static void settings() {
        if (!"eu".equals(System.getProperty("shop.region")) || !"EUR".equals(System.getProperty("shop.currency"))) {
            throw new IllegalStateException("run with surefire's argLine and systemPropertyVariables: shop.region = "
                    + System.getProperty("shop.region") + ", shop.currency = " + System.getProperty("shop.currency"));
        }
    }

    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(p50 = "1s")
    void quote() {
        Pricing.quote(100);
    }

    /** Added in head: the base has no such method, so it is new, neither passed nor failed. */
    @Test
    @PerfTest(warmupInvocations = 50, invocations = 300)
    @LatencyGate(p50 = "1s")
    void discounted() {
        Pricing.discounted(100);
    }
}
