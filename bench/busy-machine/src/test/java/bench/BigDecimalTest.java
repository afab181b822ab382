package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

class BigDecimalTest {
    private static final BigDecimal RATE = new BigDecimal("1.0041666667");
    static BigDecimal sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void compoundInterestOverThirtyYears() {
        BigDecimal balance = new BigDecimal("250000.00");
        for (int month = 0; month < 360; month++) {
            balance = balance.multiply(RATE, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
        }
        sink = balance;
    }
}
