package io.perfgate.core.regression;

import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A figure compared against the baseline, one value per replicate: a round's percentile or mean, a
 * round's throughput, or a JMH fork's score. Each has a direction and a default allowed change.
 */
public enum RegressionMetric {
    P50(Metric.LATENCY_P50, 0.10),
    P90(Metric.LATENCY_P90, 0.15),
    P95(Metric.LATENCY_P95, 0.20),
    P99(Metric.LATENCY_P99, 0.50),
    MEAN(Metric.LATENCY_MEAN, 0.10),
    /** Thread CPU time per invocation, per round: what the code costs, whatever the machine's other work. */
    CPU_MEAN(Metric.CPU_MEAN, 0.10),
    THROUGHPUT(Metric.THROUGHPUT, 0.10),
    // A page's Lighthouse runs are its replicates.
    FCP(Metric.FIRST_CONTENTFUL_PAINT, 0.20),
    LCP(Metric.LARGEST_CONTENTFUL_PAINT, 0.20),
    // CLS and TBT are often 0, where a ratio means nothing: their change is absolute. Half of web.dev's "good"
    // bound (CLS 0.1, TBT 200 ms): a change that moves a page halfway across the good range, beyond run noise.
    CLS(Metric.CUMULATIVE_LAYOUT_SHIFT, AllowedChange.absolute(0.05, QuantityKind.UNITLESS)),
    TBT(Metric.TOTAL_BLOCKING_TIME, AllowedChange.absolute(100e6, QuantityKind.DURATION)),
    SPEED_INDEX(Metric.SPEED_INDEX, 0.20),
    TTI(Metric.TIME_TO_INTERACTIVE, 0.20),
    PERFORMANCE_SCORE(Metric.PERFORMANCE_SCORE, 0.10),
    TOTAL_BYTES(Metric.TOTAL_BYTES, 0.10),
    SCRIPT_BYTES(Metric.SCRIPT_BYTES, 0.10),
    REQUESTS(Metric.REQUEST_COUNT, 0.10),
    /** A JMH fork's primary score where lower is better (average time, sample time, single shot). */
    SCORE_TIME("score", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN, null, 0.10),
    /** A JMH fork's primary score where higher is better (throughput mode). */
    SCORE_RATE("score", QuantityKind.RATE, Direction.HIGHER_IS_BETTER, Double.NaN, null, 0.10);

    private final String label;
    private final QuantityKind kind;
    private final Direction direction;
    private final double quantile;
    private final GateType gateType;
    private final Metric gateMetric;
    private final AllowedChange defaultAllowedChange;

    /** The replicate counterpart of a gate metric: same name, unit, direction and quantile. */
    RegressionMetric(Metric gated, double defaultAllowedFraction) {
        this(gated, new AllowedChange(defaultAllowedFraction));
    }

    /** Like {@link #RegressionMetric(Metric, double)}, with an allowed change that may be absolute. */
    RegressionMetric(Metric gated, AllowedChange defaultAllowedChange) {
        this(gated.label(), gated.kind(), gated.direction(), gated.quantile().orElse(Double.NaN), gated.gateType(),
                gated, defaultAllowedChange);
    }

    RegressionMetric(String label, QuantityKind kind, Direction direction, double quantile, GateType gateType,
                     double defaultAllowedFraction) {
        this(label, kind, direction, quantile, gateType, null, new AllowedChange(defaultAllowedFraction));
    }

    RegressionMetric(String label, QuantityKind kind, Direction direction, double quantile, GateType gateType,
                     Metric gateMetric, AllowedChange defaultAllowedChange) {
        if (defaultAllowedChange.absolute() && defaultAllowedChange.unit() != kind) {
            throw new IllegalArgumentException(label + ": an absolute change must be in the metric's unit");
        }
        this.gateMetric = gateMetric;
        this.label = label;
        this.kind = kind;
        this.direction = direction;
        this.quantile = quantile;
        this.gateType = gateType;
        this.defaultAllowedChange = defaultAllowedChange;
    }

    /** How the metric is named in messages, configuration and the accept switch: {@code p95}. */
    public String label() {
        return label;
    }

    public QuantityKind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    /** The quantile of a percentile metric. */
    public OptionalDouble quantile() {
        return Double.isNaN(quantile) ? OptionalDouble.empty() : OptionalDouble.of(quantile);
    }

    /** The gate type whose declared level a regression of this metric takes; null for JMH scores. */
    public GateType gateType() {
        return gateType;
    }

    /** The gate metric this is the replicate counterpart of; null for JMH scores. */
    Metric gateMetric() {
        return gateMetric;
    }

    /** A JMH benchmark's score, one value per fork. */
    public boolean jmhScore() {
        return this == SCORE_TIME || this == SCORE_RATE;
    }

    /** Measured per Lighthouse run of a page (its replicates), not per round. */
    public boolean frontend() {
        return gateType == GateType.FRONTEND;
    }

    /**
     * The change allowed before a regression is reported, in the worse direction: p50 +10 %, p90 +15 %,
     * p95 +20 %, p99 +50 %, mean +10 %, throughput and JMH scores 10 % worse; CLS +0.05 and TBT +100 ms absolute.
     */
    public AllowedChange defaultAllowedChange() {
        return defaultAllowedChange;
    }

    /**
     * Whether changes are differences in the metric's unit (current - baseline) rather than ratios: for metrics
     * that are often 0 (CLS, TBT), where a ratio means nothing.
     */
    public boolean absolute() {
        return defaultAllowedChange.absolute();
    }

    /** Whether a replicate value can be compared: positive for ratios (log scale), finite for differences. */
    public boolean comparable(double value) {
        return absolute() ? Double.isFinite(value) : value > 0 && !Double.isInfinite(value);
    }

    /**
     * Converts a measured value into "badness", so larger always means worse: on a log scale, where a shift is a
     * ratio; the value itself for an absolute metric, where a shift is a difference in its unit.
     */
    double badness(double value) {
        double scaled = absolute() ? value : Math.log(value);
        return direction == Direction.LOWER_IS_BETTER ? scaled : -scaled;
    }

    /** The ratio current / baseline that a badness shift corresponds to (relative metrics). */
    public double ratioOfShift(double shift) {
        return Math.exp(direction == Direction.LOWER_IS_BETTER ? shift : -shift);
    }

    /**
     * The change messages print for a badness shift: the ratio current / baseline, or for an absolute metric
     * the difference current - baseline in its unit.
     */
    public double changeOfShift(double shift) {
        if (!absolute()) {
            return ratioOfShift(shift);
        }
        return direction == Direction.LOWER_IS_BETTER ? shift : -shift;
    }

    /** The metric a label names ({@code p95}, {@code throughput}, {@code score}); JMH scores resolve by direction. */
    public static RegressionMetric fromLabel(String label, String source) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(metric -> metric.label.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidGateException(source + ": no regression metric '" + label
                        + "'; expected one of p50, p90, p95, p99, mean, cpu mean, throughput, score, fcp, lcp, cls,"
                        + " tbt, speed index, tti, performance score, total bytes, javascript bytes, requests"));
    }
}
