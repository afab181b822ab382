package io.perfgate.core.regression;

import java.util.Locale;

/** Formats relative changes the same way in every message and locale: {@code +31%}, {@code -4.2%}. */
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
