package io.perfgate.core.gate;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Every metric a gate can bound. Each belongs to one gate type, is set through one attribute of that
 * gate ({@code @LatencyGate(p95 = ...)}), and has a kind of quantity and a direction.
 */
public enum Metric {
    LATENCY_P50(GateType.LATENCY, "p50", "p50", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.50),
    LATENCY_P90(GateType.LATENCY, "p90", "p90", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.90),
    LATENCY_P95(GateType.LATENCY, "p95", "p95", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.95),
    LATENCY_P99(GateType.LATENCY, "p99", "p99", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.99),
    LATENCY_MAX(GateType.LATENCY, "max", "max", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    LATENCY_MEAN(GateType.LATENCY, "mean", "mean", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    THROUGHPUT(GateType.THROUGHPUT, "min", "throughput", QuantityKind.RATE, Direction.HIGHER_IS_BETTER, Double.NaN),
    ERROR_RATE(GateType.ERROR_RATE, "max", "error rate", QuantityKind.PERCENT, Direction.LOWER_IS_BETTER, Double.NaN),
    HEAP_AFTER_GC(GateType.MEMORY, "heapAfterGc", "heap after GC", QuantityKind.SIZE, Direction.LOWER_IS_BETTER, Double.NaN),
    ALLOCATION_PER_INVOCATION(GateType.MEMORY, "allocationPerInvocation", "allocation per invocation",
            QuantityKind.SIZE, Direction.LOWER_IS_BETTER, Double.NaN),
    GC_PAUSE_MAX(GateType.MEMORY, "gcPause", "max GC pause", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    GC_TIME(GateType.MEMORY, "gcTime", "GC time", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN);

    private final GateType gateType;
    private final String attribute;
    private final String label;
    private final QuantityKind kind;
    private final Direction direction;
    private final double quantile;

    Metric(GateType gateType, String attribute, String label, QuantityKind kind, Direction direction, double quantile) {
        this.gateType = gateType;
        this.attribute = attribute;
        this.label = label;
        this.kind = kind;
        this.direction = direction;
        this.quantile = quantile;
    }

    public GateType gateType() {
        return gateType;
    }

    /** The gate attribute that sets this metric's bound: {@code p95}, {@code min}, {@code heapAfterGc}. */
    public String attribute() {
        return attribute;
    }

    /** How the metric is named in messages and reports: {@code p95}, {@code throughput}. */
    public String label() {
        return label;
    }

    public QuantityKind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    /** The quantile (0.95 for p95) for percentile metrics. */
    public OptionalDouble quantile() {
        return Double.isNaN(quantile) ? OptionalDouble.empty() : OptionalDouble.of(quantile);
    }

    public Bound parseBound(String text, String source) {
        return Bound.parse(text, kind, direction, source);
    }

    public static List<Metric> of(GateType type) {
        return Arrays.stream(values()).filter(metric -> metric.gateType == type).toList();
    }

    /** The metric a gate attribute sets, or an error naming the valid attributes. */
    public static Metric of(GateType type, String attribute, String source) {
        return of(type).stream()
                .filter(metric -> metric.attribute.equals(attribute))
                .findFirst()
                .orElseThrow(() -> new InvalidGateException(source + ": @" + type.declarationName()
                        + " has no metric '" + attribute + "'; expected one of "
                        + of(type).stream().map(Metric::attribute).toList()));
    }
}
