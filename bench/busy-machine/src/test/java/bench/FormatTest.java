package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.util.Locale;

class FormatTest {
    static int sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void formatAnInvoice() {
        StringBuilder invoice = new StringBuilder();
        for (int line = 0; line < 60; line++) {
            invoice.append(String.format(Locale.ROOT, "%-12s %6d x %10.2f = %12.2f%n", "item-" + line, line + 1,
                    line * 1.25, (line + 1) * line * 1.25));
        }
        sink += invoice.length();
    }
}
