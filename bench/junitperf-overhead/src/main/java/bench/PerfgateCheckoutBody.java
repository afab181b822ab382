package bench;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A realistic body for the profiling overhead bench (profiling-overhead.sh): prices an order of 40 lines with
 * BigDecimal, sorts them and formats a receipt, some tens of microseconds with allocation, driven for 10 s.
 */
public class PerfgateCheckoutBody {

    record Line(String sku, int quantity, BigDecimal unitPrice) {
        BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    static volatile String receipt;

    @Test
    @PerfTest(duration = "10s", warmup = "2s")
    @LatencyGate(p99 = "1s")
    public void checkout() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(new Line("SKU-" + (i * 7919 % 1000), 1 + i % 5, BigDecimal.valueOf(100 + i * 37L, 2)));
        }
        lines.sort(Comparator.comparing(Line::total).reversed());
        BigDecimal subtotal = BigDecimal.ZERO;
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            subtotal = subtotal.add(line.total());
            text.append(line.sku()).append(' ').append(line.quantity()).append(" x ").append(line.unitPrice()).append('\n');
        }
        BigDecimal discounted = subtotal.multiply(new BigDecimal("0.93")).setScale(2, RoundingMode.HALF_EVEN);
        receipt = text.append("total ").append(discounted).toString();
        Counter.increment();
    }
}
