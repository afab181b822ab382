package io.perfgate.core.regression;

import io.perfgate.core.gate.InvalidGateException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How comparisons with the baseline are judged.
 *
 * @param confidence   confidence of each end of the change's interval (0.95: a 90 % two-sided interval,
 *                     so "beyond the allowed change" and "within it" are each claimed at 95 %)
 * @param significance the suite-wide significance level of the rank test, after {@code correction}
 * @param correction   how p-values are adjusted across every comparison of one check
 * @param allowed      allowed change per metric, on the metric's scale: relative, or absolute for CLS and TBT
 * @param overrides    allowed change for one test's metric, keyed {@code OrderTest#create:p95}
 * @param maxReplicates the cap on replicates a side: an undecided comparison at the cap stays INCONCLUSIVE
 *                      for good instead of asking for more
 */
public record RegressionPolicy(
        double confidence,
        double significance,
        Correction correction,
        Map<RegressionMetric, AllowedChange> allowed,
        Map<String, AllowedChange> overrides,
        int maxReplicates) {

    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_SIGNIFICANCE = 0.05;
    public static final int DEFAULT_MAX_REPLICATES = 40;

    public RegressionPolicy {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new InvalidGateException("regression confidence must lie between 0.5 and 1, got " + confidence);
        }
        if (!(significance > 0 && significance < 0.5)) {
            throw new InvalidGateException("regression significance must lie between 0 and 0.5, got " + significance);
        }
        if (maxReplicates < 2) {
            throw new InvalidGateException("the replicate cap must be at least 2, got " + maxReplicates);
        }
        EnumMap<RegressionMetric, AllowedChange> complete = new EnumMap<>(RegressionMetric.class);
        for (RegressionMetric metric : RegressionMetric.values()) {
            complete.put(metric, metric.defaultAllowedChange());
        }
        if (allowed != null) {
            allowed.forEach(RegressionPolicy::requireScale);
            complete.putAll(allowed);
        }
        allowed = Map.copyOf(complete);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        overrides.forEach((key, change) -> requireScale(RegressionMetric.fromLabel(
                key.substring(key.lastIndexOf(':') + 1), "regression override " + key), change));
        correction = correction == null ? Correction.HOLM : correction;
    }

    /** The detector compares a metric on one scale and unit; an allowed change on another would be judged wrongly. */
    private static void requireScale(RegressionMetric metric, AllowedChange change) {
        if (change.absolute() != metric.absolute() || change.absolute() && change.unit() != metric.kind()) {
            throw new InvalidGateException("the allowed change of " + metric.label() + " must be "
                    + (metric.absolute() ? "absolute, such as " : "relative, such as ")
                    + metric.defaultAllowedChange().format(metric.direction()) + "; got "
                    + change.format(metric.direction()));
        }
    }

    /**
     * p50 +10 %, p90 +15 %, p95 +20 %, p99 +50 %, mean +10 %, throughput and JMH scores -10 %, CLS +0.05 and
     * TBT +100 ms (absolute); Holm; cap 40.
     */
    public static RegressionPolicy defaults() {
        return new RegressionPolicy(DEFAULT_CONFIDENCE, DEFAULT_SIGNIFICANCE, Correction.HOLM, null, null,
                DEFAULT_MAX_REPLICATES);
    }

    /** The allowed change for one test's metric: its override, else the metric's setting. */
    public AllowedChange allowedFor(String testLabel, RegressionMetric metric) {
        AllowedChange override = overrides.get(testLabel + ":" + metric.label());
        return override != null ? override : allowed.get(metric);
    }

    /**
     * A copy with allowed changes from text: comma-separated {@code metric=change} for every test, or
     * {@code Test#method:metric=change} for one: {@code p50=+5%, p95=+15%, OrderTest#create:p99=+80%}. CLS and
     * TBT take absolute amounts in their unit: {@code cls=+0.05, tbt=+100ms}.
     *
     * @param source names the setting in errors
     */
    public RegressionPolicy withAllowed(String specification, String source) {
        if (specification == null || specification.isBlank()) {
            return this;
        }
        Map<RegressionMetric, AllowedChange> metrics = new EnumMap<>(allowed);
        Map<String, AllowedChange> tests = new LinkedHashMap<>(overrides);
        for (String entry : entries(specification)) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.lastIndexOf('=');
            if (equals < 0) {
                throw new InvalidGateException(source + ": cannot read '" + item
                        + "'; expected metric=change such as p95=+20%, or Test#method:p95=+20%");
            }
            String key = item.substring(0, equals).strip();
            String value = item.substring(equals + 1).strip();
            int colon = key.lastIndexOf(':');
            String metricLabel = colon < 0 ? key : key.substring(colon + 1).strip();
            String where = source + " (" + key + ")";
            if ("score".equalsIgnoreCase(metricLabel)) {
                AllowedChange time = AllowedChange.parse(value.replaceFirst("^[+-]", ""),
                        RegressionMetric.SCORE_TIME.direction(), where);
                put(metrics, tests, colon < 0 ? null : key.substring(0, colon).strip(), RegressionMetric.SCORE_TIME, time);
                put(metrics, tests, colon < 0 ? null : key.substring(0, colon).strip(), RegressionMetric.SCORE_RATE, time);
                continue;
            }
            RegressionMetric metric = RegressionMetric.fromLabel(metricLabel, where);
            AllowedChange change = AllowedChange.parse(value, metric, where);
            put(metrics, tests, colon < 0 ? null : key.substring(0, colon).strip(), metric, change);
        }
        return new RegressionPolicy(confidence, significance, correction, metrics, tests, maxReplicates);
    }

    /**
     * The comma-separated entries, a comma inside brackets or parentheses kept: a test's label can hold one, as in
     * {@code CodecBench#encode [size=10, codec=json]} or {@code OrderTest#create(int, String)}.
     */
    static List<String> entries(String specification) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < specification.length(); i++) {
            char c = specification.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                entries.add(specification.substring(start, i));
                start = i + 1;
            }
        }
        entries.add(specification.substring(start));
        return entries;
    }

    private static void put(Map<RegressionMetric, AllowedChange> metrics, Map<String, AllowedChange> tests,
                            String test, RegressionMetric metric, AllowedChange change) {
        if (test == null) {
            metrics.put(metric, change);
        } else {
            tests.put(test + ":" + metric.label(), change);
        }
    }

    public RegressionPolicy withCorrection(Correction value) {
        return new RegressionPolicy(confidence, significance, value, allowed, overrides, maxReplicates);
    }

    public RegressionPolicy withMaxReplicates(int value) {
        return new RegressionPolicy(confidence, significance, correction, allowed, overrides, value);
    }

    public RegressionPolicy withConfidence(double value) {
        return new RegressionPolicy(value, significance, correction, allowed, overrides, maxReplicates);
    }

    public RegressionPolicy withSignificance(double value) {
        return new RegressionPolicy(confidence, value, correction, allowed, overrides, maxReplicates);
    }
}
