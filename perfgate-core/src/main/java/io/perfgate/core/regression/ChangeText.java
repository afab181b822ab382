package io.perfgate.core.regression;

import io.perfgate.core.gate.QuantityKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats changes the same way in every message and locale: relative ones as percentages ({@code +31%},
 * {@code -4.2%}), absolute ones as differences in the metric's unit ({@code +0.08}, {@code +260 ms}).
 */
public final class ChangeText {
    private static final String UNBOUNDED = "[unbounded]";

    private ChangeText() {
    }

    /** A ratio current / baseline as a signed percentage: 1.31 is {@code +31%}. */
    public static String ofRatio(double ratio) {
        double percent = (ratio - 1) * 100;
        String number = number(Math.abs(percent));
        if (number.equals("0")) {
            return "+0%";
        }
        return (percent < 0 ? "-" : "+") + number + "%";
    }

    /** A difference current - baseline in a unit: {@code +0.08}, {@code -40 ms}. */
    public static String ofDifference(double difference, QuantityKind unit) {
        return (difference < 0 ? "-" : "+") + unit.format(Math.abs(difference));
    }

    /** The change from one value to another as a metric's change prints: {@code +12%}, {@code +0.08}. */
    public static String between(RegressionMetric metric, double before, double after) {
        return metric.absolute() ? ofDifference(after - before, metric.kind()) : ofRatio(after / before);
    }

    /** A metric's change as it prints: a ratio as a percentage, an absolute metric's difference in its unit. */
    public static String of(RegressionMetric metric, double change) {
        return metric.absolute() ? ofDifference(change, metric.kind()) : ofRatio(change);
    }

    /**
     * A metric's interval of changes, ends that would print like the allowed change made precise enough to
     * tell them from it; {@code [unbounded]} when too few replicates bound it.
     *
     * @param allowed the allowed change on the same scale: a ratio, or a difference for an absolute metric
     */
    public static String interval(RegressionMetric metric, double lower, double upper, double allowed) {
        if (!metric.absolute()) {
            return interval(lower, upper, allowed);
        }
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return UNBOUNDED;
        }
        QuantityKind unit = metric.kind();
        return "[" + nearDifference(lower, allowed, unit) + ", " + nearDifference(upper, allowed, unit) + "]";
    }

    /** An interval of differences: {@code [+0.06, +0.1]}; {@code [unbounded]} without ends. */
    static String differenceInterval(double lower, double upper, QuantityKind unit) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return UNBOUNDED;
        }
        return "[" + ofDifference(lower, unit) + ", " + ofDifference(upper, unit) + "]";
    }

    /** An interval of ratios: {@code [+24%, +38%]}; {@code [unbounded]} when too few replicates bound it. */
    static String interval(double lowerRatio, double upperRatio) {
        if (!bounded(lowerRatio, upperRatio)) {
            return UNBOUNDED;
        }
        return "[" + ofRatio(lowerRatio) + ", " + ofRatio(upperRatio) + "]";
    }

    /**
     * An interval of ratios; an end that would print like the allowed change ({@code +20%}) while lying on
     * one side of it gets a decimal ({@code +20.3%}), so the interval visibly clears or straddles it.
     * {@code [unbounded]} when too few replicates bound it.
     */
    public static String interval(double lowerRatio, double upperRatio, double allowedRatio) {
        if (!bounded(lowerRatio, upperRatio)) {
            return UNBOUNDED;
        }
        return "[" + near(lowerRatio, allowedRatio) + ", " + near(upperRatio, allowedRatio) + "]";
    }

    /** An interval without ends (NaN, zero or infinite ratios) is printed as {@link #UNBOUNDED}. */
    private static boolean bounded(double lowerRatio, double upperRatio) {
        return !Double.isNaN(lowerRatio) && !Double.isInfinite(lowerRatio) && !Double.isInfinite(upperRatio)
                && lowerRatio > 0;
    }

    private static String near(double ratio, double allowedRatio) {
        String text = ofRatio(ratio);
        if (!text.equals(ofRatio(allowedRatio)) || ratio == allowedRatio) {
            return text;
        }
        double percent = (ratio - 1) * 100;
        String precise = String.format(Locale.ROOT, "%.1f", Math.abs(percent));
        return (percent < 0 ? "-" : "+") + precise + "%";
    }

    /**
     * A difference that prints like the allowed one ({@code +100 ms}) while lying on one side of it gets more
     * digits in the allowed change's unit ({@code +100.3 ms}), so the interval visibly clears or straddles it.
     */
    private static String nearDifference(double difference, double allowed, QuantityKind unit) {
        String text = ofDifference(difference, unit);
        if (!text.equals(ofDifference(allowed, unit)) || difference == allowed || allowed == 0) {
            return text;
        }
        String magnitude = unit.format(Math.abs(allowed));
        int space = magnitude.indexOf(' ');
        String number = (space < 0 ? magnitude : magnitude.substring(0, space)).replace(",", "");
        String suffix = space < 0 ? "" : magnitude.substring(space);
        double perUnit = Math.abs(allowed) / Double.parseDouble(number);
        BigDecimal value = BigDecimal.valueOf(Math.abs(difference) / perUnit);
        BigDecimal bound = BigDecimal.valueOf(Math.abs(allowed) / perUnit);
        for (int digits = 4; digits <= 9; digits++) {
            MathContext context = new MathContext(digits, RoundingMode.HALF_UP);
            BigDecimal rounded = value.round(context);
            if (rounded.compareTo(bound.round(context)) != 0) {
                return (difference < 0 ? "-" : "+") + rounded.stripTrailingZeros().toPlainString() + suffix;
            }
        }
        return text;
    }

    /** One decimal below 10, whole numbers from there (cheap: messages are built for every comparison). */
    public static String number(double value) {
        if (value >= 9.95) {
            return Long.toString(Math.round(value));
        }
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }

    /** A p-value with four decimals, or in scientific notation below 0.0001. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p < 0.0001) {
            return String.format(Locale.ROOT, "%.1e", p);
        }
        long units = Math.round(p * 10_000);
        String digits = Long.toString(10_000 + units);
        return (units >= 10_000 ? "1" : "0") + "." + digits.substring(digits.length() - 4);
    }
}
