package io.perfgate.maven;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.jmh.BenchmarkGateRule;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code <gate>} of {@code perfgate:jmh}'s {@code <gates>}: bounds for every benchmark whose name
 * matches {@code <benchmark>}, for benchmarks that carry no annotation of the same kind.
 * <pre>{@code
 * <gate>
 *   <benchmark>com\.acme\.ParserBench\.parse</benchmark>
 *   <params>size=10000</params>                   <!-- optional: only these @Param values -->
 *   <throughput>1000000/s</throughput>            <!-- Mode.Throughput; FAIL below -->
 *   <mean>2us</mean>                              <!-- AverageTime, SampleTime, SingleShotTime -->
 *   <p99>10us</p99>                               <!-- SampleTime: p50, p90, p95, p99, max -->
 *   <allocationPerInvocation>256B</allocationPerInvocation>  <!-- gc.alloc.rate.norm -->
 *   <level>BLOCKING</level>                       <!-- or WARNING, ADVISORY -->
 * </gate>
 * }</pre>
 * Every bound takes the annotations' form: a threshold, or {@code target..threshold}.
 */
public class BenchmarkGate {
    /** A regular expression found anywhere in the benchmark's name, as JMH's own filters match. */
    private String benchmark;
    /** Only runs with these {@code @Param} values: {@code size=10000}, {@code size=10|100, codec=json}. */
    private String params;
    private String throughput;
    private String mean;
    private String p50;
    private String p90;
    private String p95;
    private String p99;
    private String max;
    private String allocationPerInvocation;
    private String level;
    private boolean allowInconclusive;

    /** The rule in core's terms; errors name the {@code <gate>}. */
    BenchmarkGateRule toRule() {
        Map<String, String> bounds = new LinkedHashMap<>();
        bounds.put("throughput", throughput);
        bounds.put("mean", mean);
        bounds.put("p50", p50);
        bounds.put("p90", p90);
        bounds.put("p95", p95);
        bounds.put("p99", p99);
        bounds.put("max", max);
        bounds.put("allocationPerInvocation", allocationPerInvocation);
        bounds.put("params", params);
        bounds.values().removeIf(value -> value == null || value.isBlank());
        return BenchmarkGateRule.of(benchmark, bounds, level(), allowInconclusive);
    }

    private Level level() {
        if (level == null || level.isBlank()) {
            return Level.BLOCKING;
        }
        try {
            return Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidGateException("<gate> for benchmarks matching '" + benchmark + "': <level>" + level
                    + "</level> is not a level; use BLOCKING, WARNING or ADVISORY");
        }
    }
}
