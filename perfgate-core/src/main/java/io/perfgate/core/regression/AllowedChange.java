package io.perfgate.core.regression;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much worse a metric may get before it counts as a regression, in the metric's worse direction: relative,
 * a fraction (0.20 lets p95 rise by 20 %, or lets throughput fall by 20 %), or absolute, an amount in the
 * metric's unit (0.05 lets CLS rise by 0.05; 100 ms lets TBT rise by 100 ms), for metrics that are often 0,
 * where a ratio means nothing.
 *
 * @param amount the fraction of a relative change; the amount, in {@code unit}'s base unit, of an absolute one
 * @param unit   the unit of an absolute change; null for a relative one
 */
public record AllowedChange(double amount, QuantityKind unit) {

    private static final Pattern TEXT = Pattern.compile("([+-])?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final Pattern SIGNED = Pattern.compile("([+-])?\\s*(.*)");

    public AllowedChange {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new InvalidGateException("an allowed change must be zero or more, got " + amount);
        }
    }

    /** A relative change: {@code 0.20} is 20 %. */
    public AllowedChange(double fraction) {
        this(fraction, null);
    }

    /** An absolute change of {@code amount} in {@code unit}'s base unit (nanoseconds for a duration). */
    public static AllowedChange absolute(double amount, QuantityKind unit) {
        if (unit == null) {
            throw new IllegalArgumentException("an absolute change needs a unit");
        }
        return new AllowedChange(amount, unit);
    }

    /** Whether the change is an amount in the metric's unit rather than a fraction of its baseline. */
    public boolean absolute() {
        return unit != null;
    }

    /** The fraction of a relative change. */
    public double fraction() {
        if (absolute()) {
            throw new IllegalStateException("an absolute change (" + format(Direction.LOWER_IS_BETTER)
                    + ") has no fraction");
        }
        return amount;
    }

    /**
     * Parses the allowed change of one metric, on the metric's scale: a percentage for a relative metric
     * ({@link #parse(String, Direction, String)}), an amount in its unit for an absolute one ({@code +0.05} for
     * CLS, {@code +100ms} for TBT). A value on the other scale is rejected, saying what to write instead.
     *
     * @param source names the setting in errors, e.g. {@code perfgate.regression.allowed (cls)}
     */
    public static AllowedChange parse(String text, RegressionMetric metric, String source) {
        AllowedChange example = metric.defaultAllowedChange();
        String written = text == null ? "" : text.strip();
        if (!metric.absolute()) {
            if (!written.isEmpty() && !written.endsWith("%")) {
                throw new InvalidGateException(source + ": cannot read allowed change '" + text + "'; " + metric.label()
                        + " changes are relative: write a percentage such as " + example.format(metric.direction()));
            }
            return parse(text, metric.direction(), source);
        }
        if (written.endsWith("%")) {
            throw new InvalidGateException(source + ": '" + text + "' is a percentage, but " + metric.label()
                    + " is often 0, where a relative change means nothing, so its allowed change is absolute:"
                    + " write an amount in its unit such as " + example.format(metric.direction()).replace(" ", ""));
        }
        Matcher matcher = SIGNED.matcher(written);
        matcher.matches();
        String sign = matcher.group(1);
        String magnitude = matcher.group(2).strip();
        double amount = metric.kind().parse(magnitude, source);
        requireWorseSign(sign, metric.direction(), text, magnitude, source);
        return absolute(amount, metric.kind());
    }

    /**
     * Parses a relative change: {@code +20%} (or {@code 20%}) for metrics where lower is better and {@code -10%}
     * (or {@code 10%}) for throughput; a sign that points the better way is rejected.
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
        requireWorseSign(sign, direction, text, matcher.group(2) + "%", source);
        if (direction == Direction.HIGHER_IS_BETTER && fraction >= 1) {
            throw new InvalidGateException(source + ": '" + text + "' would allow the metric to fall to zero or below");
        }
        return new AllowedChange(fraction);
    }

    /**
     * Rejects a sign that points the better way, naming the sign to write instead.
     *
     * @param magnitude the change as written without its sign: {@code 20%}, {@code 100ms}
     */
    private static void requireWorseSign(String sign, Direction direction, String text, String magnitude,
                                         String source) {
        if ("-".equals(sign) && direction == Direction.LOWER_IS_BETTER) {
            throw new InvalidGateException(source + ": '" + text + "' allows a decrease, but this metric gets worse"
                    + " when it rises; write +" + magnitude);
        }
        if ("+".equals(sign) && direction == Direction.HIGHER_IS_BETTER) {
            throw new InvalidGateException(source + ": '" + text + "' allows an increase, but this metric gets worse"
                    + " when it falls; write -" + magnitude);
        }
    }

    /**
     * The shift on the badness scale (larger is worse; see {@link RegressionMetric#badness}) at which a change
     * stops being allowed: a log ratio for a relative change, the amount itself for an absolute one.
     */
    public double badnessBoundary(Direction direction) {
        if (absolute()) {
            return amount;
        }
        return direction == Direction.LOWER_IS_BETTER ? Math.log1p(amount) : -Math.log1p(-amount);
    }

    /** The value a metric may reach from its baseline value before the change stops being allowed. */
    public double limit(double baselineValue, Direction direction) {
        double sign = direction == Direction.LOWER_IS_BETTER ? 1 : -1;
        return absolute() ? baselineValue + sign * amount : baselineValue * (1 + sign * amount);
    }

    /** {@code +20%} or {@code -10%}; absolute in the unit: {@code +0.05}, {@code +100 ms}. */
    public String format(Direction direction) {
        String sign = direction == Direction.LOWER_IS_BETTER ? "+" : "-";
        return absolute() ? sign + unit.format(amount) : sign + ChangeText.number(amount * 100) + "%";
    }
}
