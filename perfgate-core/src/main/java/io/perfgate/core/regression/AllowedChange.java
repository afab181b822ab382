package io.perfgate.core.regression;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.InvalidGateException;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much worse a metric may get before it counts as a regression, as a fraction in the metric's
 * worse direction: 0.20 lets p95 rise by 20 %, or lets throughput fall by 20 %.
 */
public record AllowedChange(double fraction) {

    private static final Pattern TEXT = Pattern.compile("([+-])?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%");

    public AllowedChange {
        if (!(fraction >= 0) || Double.isInfinite(fraction)) {
            throw new InvalidGateException("an allowed change must be zero or more, got " + fraction);
        }
    }

    /**
     * Parses {@code +20%} (or {@code 20%}) for metrics where lower is better and {@code -10%} (or
     * {@code 10%}) for throughput; a sign that points the better way is rejected.
     *
     * @param source names the setting in errors, e.g. {@code perfgate.regression.allowed (p95)}
     */
    public static AllowedChange parse(String text, Direction direction, String source) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new InvalidGateException(source + ": cannot read allowed change '" + text
                    + "'; expected a percentage such as +20% (latency) or -10% (throughput)");
        }
        String sign = matcher.group(1);
        double fraction = new BigDecimal(matcher.group(2)).movePointLeft(2).doubleValue();
        if ("-".equals(sign) && direction == Direction.LOWER_IS_BETTER) {
            throw new InvalidGateException(source + ": '" + text + "' allows a decrease, but this metric gets worse"
                    + " when it rises; write +" + matcher.group(2) + "%");
        }
        if ("+".equals(sign) && direction == Direction.HIGHER_IS_BETTER) {
            throw new InvalidGateException(source + ": '" + text + "' allows an increase, but this metric gets worse"
                    + " when it falls; write -" + matcher.group(2) + "%");
        }
        if (direction == Direction.HIGHER_IS_BETTER && fraction >= 1) {
            throw new InvalidGateException(source + ": '" + text + "' would allow the metric to fall to zero or below");
        }
        return new AllowedChange(fraction);
    }

    /** The shift on the badness scale (log, larger is worse) at which a change stops being allowed. */
    public double badnessBoundary(Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? Math.log1p(fraction) : -Math.log1p(-fraction);
    }

    /** {@code +20%} or {@code -10%}, as users write it. */
    public String format(Direction direction) {
        return (direction == Direction.LOWER_IS_BETTER ? "+" : "-") + ChangeText.number(fraction * 100) + "%";
    }
}
