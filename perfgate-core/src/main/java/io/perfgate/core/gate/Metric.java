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
    /**
     * Thread CPU time per invocation, the kept rounds' CPU time over their invocations: measured on every run at
     * the cost of two reads a round. Unlike wall time it does not grow while the thread waits for a CPU.
     */
    CPU_MEAN(GateType.LATENCY, "cpuMean", "CPU mean", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    /** Percentiles of each invocation's thread CPU time: timed per invocation only when gated (about 1.5 us each). */
    CPU_P50(GateType.LATENCY, "cpuP50", "CPU p50", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.50),
    CPU_P95(GateType.LATENCY, "cpuP95", "CPU p95", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.95),
    CPU_P99(GateType.LATENCY, "cpuP99", "CPU p99", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.99),
    THROUGHPUT(GateType.THROUGHPUT, "min", "throughput", QuantityKind.RATE, Direction.HIGHER_IS_BETTER, Double.NaN),
    ERROR_RATE(GateType.ERROR_RATE, "max", "error rate", QuantityKind.PERCENT, Direction.LOWER_IS_BETTER, Double.NaN),
    HEAP_AFTER_GC(GateType.MEMORY, "heapAfterGc", "heap after GC", QuantityKind.SIZE, Direction.LOWER_IS_BETTER, Double.NaN),
    ALLOCATION_PER_INVOCATION(GateType.MEMORY, "allocationPerInvocation", "allocation per invocation",
            QuantityKind.SIZE, Direction.LOWER_IS_BETTER, Double.NaN),
    GC_PAUSE_MAX(GateType.MEMORY, "gcPause", "max GC pause", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    GC_TIME(GateType.MEMORY, "gcTime", "GC time", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    /** Slope of heap after GC against invocations; judged on the lower end of its confidence interval. */
    LEAK_PER_INVOCATION(GateType.MEMORY, "leakPerInvocation", "leak per invocation", QuantityKind.SIZE,
            Direction.LOWER_IS_BETTER, Double.NaN),
    /** Slope of heap after GC against measured time; judged on the lower end of its confidence interval. */
    LEAK_PER_HOUR(GateType.MEMORY, "leakPerHour", "leak per hour", QuantityKind.SIZE_RATE,
            Direction.LOWER_IS_BETTER, Double.NaN),
    /** 95th percentile of the time of one statement execution through a wrapped DataSource. */
    QUERY_P95(GateType.DATABASE, "queryP95", "query p95", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, 0.95),
    /** 95th percentile of an explicit transaction, from its first statement to commit or rollback. */
    TRANSACTION_P95(GateType.DATABASE, "transactionP95", "transaction p95", QuantityKind.DURATION,
            Direction.LOWER_IS_BETTER, 0.95),
    /** Share of connection requests served within 1 ms. */
    POOL_EFFICIENCY(GateType.DATABASE, "poolEfficiency", "pool efficiency", QuantityKind.PERCENT,
            Direction.HIGHER_IS_BETTER, Double.NaN),
    /** Deadlocks and serialization failures (SQLState class 40) per transaction. */
    DEADLOCK_RATE(GateType.DATABASE, "deadlockRate", "deadlock rate", QuantityKind.PERCENT,
            Direction.LOWER_IS_BETTER, Double.NaN),
    /** The most statements one invocation executed: catches N+1 queries. */
    STATEMENTS_PER_INVOCATION(GateType.DATABASE, "maxStatementsPerInvocation", "statements per invocation",
            QuantityKind.COUNT, Direction.LOWER_IS_BETTER, Double.NaN),
    // Front end, from Lighthouse: the median over the page's runs is judged.
    FIRST_CONTENTFUL_PAINT(GateType.FRONTEND, "fcp", "FCP", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    LARGEST_CONTENTFUL_PAINT(GateType.FRONTEND, "lcp", "LCP", QuantityKind.DURATION, Direction.LOWER_IS_BETTER,
            Double.NaN),
    /** Cumulative layout shift: unitless. */
    CUMULATIVE_LAYOUT_SHIFT(GateType.FRONTEND, "cls", "CLS", QuantityKind.UNITLESS, Direction.LOWER_IS_BETTER,
            Double.NaN),
    /** Total blocking time: the modern stand-in for TTI. */
    TOTAL_BLOCKING_TIME(GateType.FRONTEND, "tbt", "TBT", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    SPEED_INDEX(GateType.FRONTEND, "speedIndex", "speed index", QuantityKind.DURATION, Direction.LOWER_IS_BETTER,
            Double.NaN),
    /** Time to interactive (Lighthouse's audit {@code interactive}; no longer part of its score). */
    TIME_TO_INTERACTIVE(GateType.FRONTEND, "tti", "TTI", QuantityKind.DURATION, Direction.LOWER_IS_BETTER, Double.NaN),
    /** Lighthouse's performance score, 0 to 100. */
    PERFORMANCE_SCORE(GateType.FRONTEND, "score", "performance score", QuantityKind.UNITLESS,
            Direction.HIGHER_IS_BETTER, Double.NaN),
    TOTAL_BYTES(GateType.FRONTEND, "totalBytes", "total bytes", QuantityKind.SIZE, Direction.LOWER_IS_BETTER,
            Double.NaN),
    SCRIPT_BYTES(GateType.FRONTEND, "scriptBytes", "JavaScript bytes", QuantityKind.SIZE, Direction.LOWER_IS_BETTER,
            Double.NaN),
    REQUEST_COUNT(GateType.FRONTEND, "requests", "requests", QuantityKind.COUNT, Direction.LOWER_IS_BETTER,
            Double.NaN);

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

    /** A figure of thread CPU time rather than wall time. */
    public boolean cpuTime() {
        return this == CPU_MEAN || this == CPU_P50 || this == CPU_P95 || this == CPU_P99;
    }

    /** The quantile (0.95 for p95) for percentile metrics. */
    public OptionalDouble quantile() {
        return Double.isNaN(quantile) ? OptionalDouble.empty() : OptionalDouble.of(quantile);
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
