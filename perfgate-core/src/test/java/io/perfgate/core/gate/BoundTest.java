package io.perfgate.core.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundTest {
    private static final String SOURCE = "@LatencyGate(p95 = \"...\") on method OrderTest#create";

    private static Bound latency(String text) {
        return Bound.parse(text, QuantityKind.DURATION, Direction.LOWER_IS_BETTER, SOURCE);
    }

    private static Bound throughput(String text) {
        return Bound.parse(text, QuantityKind.RATE, Direction.HIGHER_IS_BETTER, SOURCE);
    }

    @Test
    void aSingleValueIsTheThreshold() {
        Bound bound = latency("200ms");
        assertEquals(OptionalDouble.empty(), bound.target());
        assertEquals(200e6, bound.threshold());
        assertEquals("200ms", bound.text());
    }

    @Test
    void aRangeIsTargetThenThreshold() {
        Bound bound = latency(" 150ms..200 ms ");
        assertEquals(OptionalDouble.of(150e6), bound.target());
        assertEquals(200e6, bound.threshold());
        assertEquals("150ms..200 ms", bound.text());
        assertEquals(200e6, latency("200ms..200ms").threshold());
    }

    @Test
    void rejectsATargetAboveTheThresholdOfALatency() {
        InvalidGateException error = assertThrows(InvalidGateException.class, () -> latency("200ms..150ms"));
        assertEquals(SOURCE + ": in '200ms..150ms' the target 200ms is above the threshold 150ms;"
                + " write target..threshold, the target being the stricter one", error.getMessage());
    }

    @Test
    void throughputBoundsAreMinimumsSoTheTargetIsTheHigherOne() {
        Bound bound = throughput("1200/s..1000/s");
        assertEquals(OptionalDouble.of(1200), bound.target());
        assertEquals(1000, bound.threshold());
        InvalidGateException error = assertThrows(InvalidGateException.class, () -> throughput("1000/s..1200/s"));
        assertEquals(SOURCE + ": in '1000/s..1200/s' the target 1000/s is below the threshold 1200/s;"
                + " write target..threshold, the target being the stricter one", error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\" | the bound is empty; expected a duration",
            "\"   \" | the bound is empty",
            "1ms..2ms..3ms | cannot read '1ms..2ms..3ms': expected a threshold or target..threshold",
            "..200ms | cannot read ''",
            "150ms.. | cannot read ''",
            "150ms..200 parsecs | cannot read '200 parsecs'",
            "-1ms..200ms | '-1ms' is negative",
    })
    void rejectsMalformedBounds(String text, String expected) {
        InvalidGateException error = assertThrows(InvalidGateException.class, () -> latency(text));
        assertTrue(error.getMessage().startsWith(SOURCE + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void rejectsNull() {
        assertThrows(InvalidGateException.class, () -> latency(null));
    }

    @ParameterizedTest(name = "{0} ms against 150ms..200ms: {1}")
    @CsvSource({"0, PASS", "100, PASS", "150, PASS", "150.000001, WARN", "200, WARN", "200.000001, FAIL", "1e6, FAIL"})
    void judgesLowerIsBetter(double millis, Verdict expected) {
        assertEquals(expected, latency("150ms..200ms").judge(millis * 1e6, Direction.LOWER_IS_BETTER));
    }

    @ParameterizedTest(name = "{0} ms against 200ms: {1}")
    @CsvSource({"199, PASS", "200, PASS", "201, FAIL"})
    void judgesAThresholdWithoutTarget(double millis, Verdict expected) {
        assertEquals(expected, latency("200ms").judge(millis * 1e6, Direction.LOWER_IS_BETTER));
    }

    @ParameterizedTest(name = "{0}/s against 1200/s..1000/s: {1}")
    @CsvSource({"5000, PASS", "1200, PASS", "1199, WARN", "1000, WARN", "999.9, FAIL", "0, FAIL"})
    void judgesHigherIsBetter(double perSecond, Verdict expected) {
        assertEquals(expected, throughput("1200/s..1000/s").judge(perSecond, Direction.HIGHER_IS_BETTER));
    }

    @Test
    void neverPassesANumberThatIsNone() {
        assertThrows(IllegalArgumentException.class, () -> latency("200ms").judge(Double.NaN, Direction.LOWER_IS_BETTER));
    }
}
