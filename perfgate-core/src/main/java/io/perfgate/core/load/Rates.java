package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;

import java.time.Duration;

/** Formatting and parsing of rates and durations for load messages, the same in every locale. */
final class Rates {
    private Rates() {
    }

    static String format(double perSecond) {
        return QuantityKind.RATE.format(perSecond);
    }

    static String format(Duration duration) {
        return QuantityKind.DURATION.format(duration.toNanos());
    }

    static String formatNanos(double nanos) {
        return QuantityKind.DURATION.format(nanos);
    }

    static Duration parseDuration(String text, String where) {
        try {
            return Duration.ofNanos(Math.round(QuantityKind.DURATION.parse(text, where)));
        } catch (io.perfgate.core.gate.InvalidGateException e) {
            throw new LoadConfigurationException(e.getMessage(), e);
        }
    }

    static double parseRate(String text, String where) {
        try {
            return QuantityKind.RATE.parse(text, where);
        } catch (io.perfgate.core.gate.InvalidGateException e) {
            throw new LoadConfigurationException(e.getMessage(), e);
        }
    }
}
