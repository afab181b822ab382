package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

class CsvTest {
    private static final String LINE = "2024-05-01,order-4711,Anna Berg,3,19.99,EUR,shipped,express,DE,10115";
    static long sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void splitAndParseCsvLines() {
        long total = 0;
        for (int i = 0; i < 300; i++) {
            String[] fields = LINE.split(",");
            total += Integer.parseInt(fields[3]) + (long) Double.parseDouble(fields[4]) + fields[2].length();
        }
        sink += total;
    }
}
