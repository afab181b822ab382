package io.perfgate.core.gate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of quantity a bound can be written in, each with a strict parser into one base unit and
 * a formatter back into readable text. Base units: nanoseconds, bytes, events per second, bytes per
 * second (a growth rate), a plain count, and a fraction (1 % is 0.01).
 */
public enum QuantityKind {
    DURATION("a duration such as 750us, 200ms or 1.5s (units: ns, us, ms, s, min)") {
        @Override
        double parseValue(String number, String unit) {
            return Double.parseDouble(number) * DURATION_UNITS.get(unit);
        }

        @Override
        public String format(double nanos) {
            return withUnit(nanos, 1000, "ns", "us", "ms", "s");
        }
    },
    SIZE("a size such as 512B, 64KB or 512MB (units: B, KB, MB, GB; 1KB = 1024B)") {
        @Override
        double parseValue(String number, String unit) {
            return Double.parseDouble(number) * SIZE_UNITS.get(unit);
        }

        @Override
        public String format(double bytes) {
            return withUnit(bytes, 1024, "B", "KB", "MB", "GB");
        }
    },
    SIZE_RATE("a growth rate such as 10MB/h, 512KB/min or 1KB/s (sizes B, KB, MB, GB; per s, min, h)") {
        @Override
        double parseValue(String number, String unit) {
            int slash = unit.indexOf('/');
            return Double.parseDouble(number) * SIZE_UNITS.get(unit.substring(0, slash))
                    / PER_TIME_UNITS.get(unit.substring(slash + 1));
        }

        /** Leaks are read per hour, whatever unit the bound was written in. */
        @Override
        public String format(double bytesPerSecond) {
            return withUnit(bytesPerSecond * 3600, 1024, "B/h", "KB/h", "MB/h", "GB/h");
        }
    },
    COUNT("a whole number such as 10") {
        @Override
        double parseValue(String number, String unit) {
            return Double.parseDouble(number);
        }

        @Override
        public String format(double count) {
            return count == Math.rint(count) && Math.abs(count) < 1e15 ? grouped((long) count) : significant(count);
        }
    },
    /** A unitless figure: a layout shift score (0.1), a Lighthouse score (90). */
    UNITLESS("a plain number such as 0.1 or 90") {
        @Override
        double parseValue(String number, String unit) {
            return Double.parseDouble(number);
        }

        @Override
        public String format(double value) {
            return significant(value);
        }
    },
    RATE("a rate such as 1000/s or 60/min") {
        @Override
        double parseValue(String number, String unit) {
            return Double.parseDouble(number) / RATE_UNITS.get(unit);
        }

        @Override
        public String format(double perSecond) {
            return significant(perSecond) + "/s";
        }
    },
    PERCENT("a percentage such as 1% or 0.5%") {
        @Override
        double parseValue(String number, String unit) {
            return Double.parseDouble(number) / 100.0;
        }

        @Override
        public String format(double fraction) {
            return significant(fraction * 100) + "%";
        }
    };

    private static final Map<String, Double> DURATION_UNITS = Map.of(
            "ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9, "min", 60e9);
    private static final Map<String, Double> SIZE_UNITS = Map.of(
            "B", 1.0, "KB", 1024.0, "MB", 1024.0 * 1024, "GB", 1024.0 * 1024 * 1024,
            "KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024);
    /** Seconds per unit of a size rate's denominator. */
    private static final Map<String, Double> PER_TIME_UNITS = Map.of("s", 1.0, "min", 60.0, "h", 3600.0, "hour", 3600.0);
    /** Seconds per unit of the rate's denominator. */
    private static final Map<String, Double> RATE_UNITS = Map.of("/s", 1.0, "/ms", 1e-3, "/min", 60.0);

    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Map<QuantityKind, Pattern> PATTERNS = Map.of(
            DURATION, Pattern.compile(NUMBER + " ?(ns|us|µs|ms|s|min)"),
            SIZE, Pattern.compile(NUMBER + " ?(B|KB|MB|GB|KiB|MiB|GiB)"),
            RATE, Pattern.compile(NUMBER + " ?(?:(?:req|requests|ops|calls|invocations|tx) ?)?(/s|/ms|/min)"),
            PERCENT, Pattern.compile(NUMBER + " ?(%)"),
            SIZE_RATE, Pattern.compile(NUMBER + " ?((?:B|KB|MB|GB|KiB|MiB|GiB)/(?:s|min|h|hour))"),
            COUNT, Pattern.compile("([0-9]+)()"),
            UNITLESS, Pattern.compile(NUMBER + "()"));

    private final String expected;

    QuantityKind(String expected) {
        this.expected = expected;
    }

    /**
     * The unit values are held in: {@code ns}, {@code bytes}, {@code per second}, {@code bytes per second},
     * {@code count}, {@code fraction} (1 % is 0.01).
     */
    public String baseUnit() {
        return switch (name()) {
            case "DURATION" -> "ns";
            case "SIZE" -> "bytes";
            case "RATE" -> "per second";
            case "PERCENT" -> "fraction";
            case "SIZE_RATE" -> "bytes per second";
            case "COUNT" -> "count";
            case "UNITLESS" -> "number";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /**
     * Parses one quantity (no range) into the base unit.
     *
     * @param source where the text came from, named in the error, e.g. {@code @LatencyGate(p95) on Foo#bar}
     * @throws InvalidGateException naming the source and the text when it is not a valid, non-negative quantity
     */
    public double parse(String text, String source) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("-")) {
            throw new InvalidGateException(source + ": '" + text + "' is negative; bounds must be zero or more");
        }
        Matcher matcher = PATTERNS.get(this).matcher(trimmed);
        if (!matcher.matches()) {
            throw new InvalidGateException(source + ": cannot read '" + text + "': expected " + expected);
        }
        double value = parseValue(matcher.group(1), matcher.group(2));
        if (!Double.isFinite(value)) {
            throw new InvalidGateException(source + ": '" + text + "' is too large");
        }
        if (this == PERCENT && value > 1.0) {
            throw new InvalidGateException(source + ": '" + text + "' is above 100%");
        }
        return value;
    }

    abstract double parseValue(String number, String unit);

    /** Formats a value in the base unit, with three significant digits, the same in every locale. */
    public abstract String format(double value);

    /**
     * Three significant digits in the largest unit that keeps the rounded figure below one step
     * (so 999.7 ns reads "1 us", not "1,000 ns").
     */
    private static String withUnit(double value, double step, String... units) {
        if (!Double.isFinite(value)) {
            return value + " " + units[0];
        }
        double scaled = value;
        int unit = 0;
        while (unit < units.length - 1
                && (Math.abs(scaled) >= step || Math.abs(round(scaled).doubleValue()) >= step)) {
            scaled /= step;
            unit++;
        }
        return significant(scaled) + " " + units[unit];
    }

    /** Three significant digits, half up; {@code BigDecimal.valueOf} so 1.005 rounds as written, to 1.01. */
    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(3, RoundingMode.HALF_UP));
    }

    /** A number with three significant digits, thousands grouped, the same in every locale: 0.5, 231, 1,200. */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = round(value);
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return grouped(rounded.longValue());
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Formats a count with thousands separators: 1,200. */
    public static String grouped(long count) {
        // by hand: a report of a thousand tests groups tens of thousands of counts; 20,000 in a fresh JVM took 24 ms
        // so, 183 ms with a DecimalFormat built for each and 326 ms with String.format("%,d")
        String digits = Long.toString(count);
        int sign = count < 0 ? 1 : 0;
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3).append(digits, 0, sign);
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }
}
