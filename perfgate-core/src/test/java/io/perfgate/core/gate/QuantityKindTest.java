package io.perfgate.core.gate;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityKindTest {
    private static final String SOURCE = "@LatencyGate(p95) on OrderTest#create";

    @ParameterizedTest(name = "{1} \"{0}\" = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "750us | DURATION | 750000",
            "750µs | DURATION | 750000",
            "250ns | DURATION | 250",
            "200ms | DURATION | 200000000",
            "1.5s | DURATION | 1500000000",
            "200 ms | DURATION | 200000000",
            "2min | DURATION | 120000000000",
            "\" 200ms \" | DURATION | 200000000",
            "0ms | DURATION | 0",
            "512B | SIZE | 512",
            "64KB | SIZE | 65536",
            "512MB | SIZE | 536870912",
            "2GB | SIZE | 2147483648",
            "1000/s | RATE | 1000",
            "1000 req/s | RATE | 1000",
            "1000 ops/s | RATE | 1000",
            "60/min | RATE | 1",
            "5/ms | RATE | 5000",
            "1% | PERCENT | 0.01",
            "0.5% | PERCENT | 0.005",
            "100% | PERCENT | 1",
            "0% | PERCENT | 0",
    })
    void parsesIntoTheBaseUnit(String text, QuantityKind kind, double expected) {
        assertEquals(expected, kind.parse(text, SOURCE), expected * 1e-12);
    }

    @ParameterizedTest(name = "{1} rejects \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "200 parsecs | DURATION | cannot read '200 parsecs': expected a duration such as 750us, 200ms or 1.5s",
            "-5ms | DURATION | '-5ms' is negative; bounds must be zero or more",
            "\"\" | DURATION | cannot read '': expected a duration",
            "1e3ms | DURATION | cannot read '1e3ms'",
            "ms | DURATION | cannot read 'ms'",
            "200 | DURATION | cannot read '200'",
            "200MS | DURATION | cannot read '200MS'",
            "200  ms | DURATION | cannot read '200  ms'",
            ".5ms | DURATION | cannot read '.5ms'",
            "64KB | DURATION | cannot read '64KB'",
            "200ms | SIZE | cannot read '200ms': expected a size such as 512B, 64KB or 512MB",
            "1000 parsecs/s | RATE | cannot read '1000 parsecs/s': expected a rate such as 1000/s",
            "1000 | RATE | cannot read '1000'",
            "150% | PERCENT | '150%' is above 100%",
            "1 | PERCENT | cannot read '1': expected a percentage such as 1% or 0.5%",
    })
    void rejectsNamingTheSourceAndTheValue(String text, QuantityKind kind, String expectedMessage) {
        InvalidGateException error = assertThrows(InvalidGateException.class, () -> kind.parse(text, SOURCE));
        assertTrue(error.getMessage().startsWith(SOURCE + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expectedMessage), error.getMessage());
    }

    @Test
    void rejectsNullAndHugeValues() {
        assertEquals(SOURCE + ": cannot read 'null': expected " + QuantityKind.DURATION.expected(),
                assertThrows(InvalidGateException.class, () -> QuantityKind.DURATION.parse(null, SOURCE)).getMessage());
        String huge = "9".repeat(400) + "ms";
        assertEquals(SOURCE + ": '" + huge + "' is too large",
                assertThrows(InvalidGateException.class, () -> QuantityKind.DURATION.parse(huge, SOURCE)).getMessage());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "DURATION | 0 | 0 ns",
            "DURATION | 999 | 999 ns",
            "DURATION | 999.7 | 1 us",
            "DURATION | 1500 | 1.5 us",
            "DURATION | 231070000 | 231 ms",
            "DURATION | 231500000 | 232 ms",
            "DURATION | 12345678 | 12.3 ms",
            "DURATION | 999999999 | 1 s",
            "DURATION | 1500000000 | 1.5 s",
            "DURATION | 1234000000000 | 1,230 s",
            "SIZE | 512 | 512 B",
            "SIZE | 1023.9 | 1,020 B",
            "SIZE | 1024 | 1 KB",
            "SIZE | 1048575 | 1,020 KB",
            "SIZE | 1048576 | 1 MB",
            "SIZE | 65536 | 64 KB",
            "SIZE | 1572864 | 1.5 MB",
            "SIZE | 3221225472 | 3 GB",
            "RATE | 1200 | 1,200/s",
            "RATE | 1234.5 | 1,230/s",
            "RATE | 3912345.6 | 3,910,000/s",
            "RATE | 12.345 | 12.3/s",
            "RATE | 0.5 | 0.5/s",
            "PERCENT | 0.005 | 0.5%",
            "PERCENT | 0.0123 | 1.23%",
            "PERCENT | 0.07 | 7%",
            "PERCENT | 0 | 0%",
            "PERCENT | 1 | 100%",
    })
    void formatsWithThreeSignificantDigits(QuantityKind kind, double value, String expected) {
        assertEquals(expected, kind.format(value));
    }

    @Test
    void formatsTheSameUnderAGermanOrFrenchDefaultLocale() {
        for (Locale locale : new Locale[] {Locale.GERMANY, Locale.FRANCE, Locale.forLanguageTag("ar-EG")}) {
            TestData.withDefaultLocale(locale, () -> {
                assertEquals("1.5 s", QuantityKind.DURATION.format(1.5e9));
                assertEquals("1,200/s", QuantityKind.RATE.format(1200));
                assertEquals("1,234,567", QuantityKind.grouped(1_234_567));
                assertEquals(200_000_000, QuantityKind.DURATION.parse("200.0ms", SOURCE), 1e-6);
            });
        }
    }

    @Test
    void roundsHalfUpAsWritten() {
        assertEquals("1.01", QuantityKind.significant(1.005));
        assertEquals("0.000123", QuantityKind.significant(0.0001234));
        assertEquals("1,200", QuantityKind.grouped(1200));
        assertEquals("0", QuantityKind.grouped(0));
        assertEquals("999", QuantityKind.grouped(999));
        assertEquals("-1,234,567", QuantityKind.grouped(-1_234_567));
        assertEquals("-999", QuantityKind.grouped(-999));
        assertEquals("-9,223,372,036,854,775,808", QuantityKind.grouped(Long.MIN_VALUE));
        assertEquals("NaN", QuantityKind.significant(Double.NaN));
    }

    @Test
    void namesItsBaseUnit() {
        assertEquals("ns", QuantityKind.DURATION.baseUnit());
        assertEquals("bytes", QuantityKind.SIZE.baseUnit());
        assertEquals("per second", QuantityKind.RATE.baseUnit());
        assertEquals("fraction", QuantityKind.PERCENT.baseUnit());
    }
}
