package io.perfgate.core.gate;

import java.util.OptionalDouble;

/**
 * A target (WARN beyond it) and a threshold (FAIL beyond it) for one metric, in the metric's base
 * unit. Written {@code "200ms"} (threshold only) or {@code "150ms..200ms"} (target..threshold).
 * For metrics where higher is better (throughput) both are minimums: {@code "1200/s..1000/s"}
 * warns below 1200/s and fails below 1000/s.
 */
public record Bound(OptionalDouble target, double threshold, String text) {

    /**
     * Parses the bound syntax strictly.
     *
     * @param source names the declaration in errors, e.g. {@code @LatencyGate(p95 = "...") on OrderTest#create}
     */
    public static Bound parse(String text, QuantityKind kind, Direction direction, String source) {
        if (text == null || text.isBlank()) {
            throw new InvalidGateException(source + ": the bound is empty; expected " + kind.expected());
        }
        int range = text.indexOf("..");
        if (range < 0) {
            return new Bound(OptionalDouble.empty(), kind.parse(text, source), text.strip());
        }
        String targetText = text.substring(0, range);
        String thresholdText = text.substring(range + 2);
        if (thresholdText.contains("..")) {
            throw new InvalidGateException(source + ": cannot read '" + text
                    + "': expected a threshold or target..threshold, such as 150ms..200ms");
        }
        double target = kind.parse(targetText, source);
        double threshold = kind.parse(thresholdText, source);
        boolean ordered = direction == Direction.LOWER_IS_BETTER ? target <= threshold : target >= threshold;
        if (!ordered) {
            throw new InvalidGateException(source + ": in '" + text + "' the target " + targetText.strip()
                    + (direction == Direction.LOWER_IS_BETTER
                            ? " is above the threshold " : " is below the threshold ")
                    + thresholdText.strip() + "; write target..threshold, the target being the stricter one");
        }
        return new Bound(OptionalDouble.of(target), threshold, text.strip());
    }

    /**
     * PASS, WARN or FAIL for a measured value.
     *
     * @throws IllegalArgumentException for NaN: a value that is no number must never pass a bound
     */
    public Verdict judge(double value, Direction direction) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot judge NaN against " + text);
        }
        if (beyond(value, threshold, direction)) {
            return Verdict.FAIL;
        }
        if (target.isPresent() && beyond(value, target.getAsDouble(), direction)) {
            return Verdict.WARN;
        }
        return Verdict.PASS;
    }

    private static boolean beyond(double value, double bound, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? value > bound : value < bound;
    }
}
