package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

class PriceCalculationTest {
    static volatile Object sink;

    /** About a millisecond of arithmetic per invocation on a 2 GHz core: far beyond a 20 us CPU budget. */
    @Test
    @PerfTest(invocations = 200, warmupInvocations = 20)
    @LatencyGate(cpuMean = "20us")
    void computesCompoundInterest() {
        BigDecimal total = BigDecimal.ONE;
        BigDecimal rate = new BigDecimal("1.0003");
        for (int day = 0; day < 3_000; day++) {
            total = total.multiply(rate, MathContext.DECIMAL128);
        }
        sink = total;
    }
}
