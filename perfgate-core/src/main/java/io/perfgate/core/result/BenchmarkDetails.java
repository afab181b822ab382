package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.gate.QuantityKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What JMH reported for one benchmark, one mode and one parameter set, as JMH printed it (score and
 * error in JMH's own unit). The result's {@link Measurement} holds the same run in perfgate's terms:
 * its {@code invocations} count the samples the score rests on (measurement iterations over all forks,
 * or timed operations in SampleTime mode; JMH reports no operation counts), and each fork is one
 * {@link Round} whose score is the fork's mean in the base unit (operations per second for throughput,
 * nanoseconds per operation for time modes), so regressions compare forks.
 *
 * @param benchmark              JMH's benchmark name, {@code com.acme.ParseBench.parse}
 * @param mode                   JMH's short mode label: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params                 the {@code @Param} values of this run, in JMH's order; empty without parameters
 * @param score                  JMH's primary score in {@code scoreUnit}; null when JMH reported none (NaN)
 * @param scoreError             half-width of JMH's 99.9 % confidence interval; null when JMH could not compute it
 * @param scoreUnit              JMH's unit: {@code ops/s}, {@code ns/op}, {@code us/op} and so on
 * @param allocationPerOperation bytes allocated per operation (JMH's gc profiler, {@code gc.alloc.rate.norm});
 *                               null when the profiler did not run
 * @param allocationError        half-width of that figure's 99.9 % confidence interval, when known
 * @param failure                what JMH reported when the benchmark threw or its forked JVM died; null when
 *                               it ran cleanly. A failed benchmark never passes, whatever it measured before.
 * @param stillWarming           why the score is not a steady state's, when JMH measured the benchmark while it was
 *                               still warming up ({@code SteadyState}, even after perfgate ran it again with a
 *                               longer warmup): the evidence and the warmup it had. Its time and throughput
 *                               gates then have no verdict. Null when it was steady, or not checked.
 * @param allocationStillWarming the same for the allocation per operation, judged on gc.alloc.rate.norm's own
 *                               iterations: its memory gate then has no verdict. Null when steady or not checked.
 * @param worstIterationScore    the worst score of any measured iteration of any fork, in {@code scoreUnit} (the
 *                               most time per operation, or the fewest operations per time unit; in SampleTime mode
 *                               by each iteration's mean sample): what a run still warming up is judged by, as a
 *                               longer warmup only makes it better. Null when JMH recorded no iterations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkDetails(
        String benchmark,
        String mode,
        Map<String, String> params,
        int threads,
        int forks,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        Double score,
        Double scoreError,
        String scoreUnit,
        Double allocationPerOperation,
        Double allocationError,
        String jmhVersion,
        String failure,
        String stillWarming,
        String allocationStillWarming,
        Double worstIterationScore) {

    /** How to give a benchmark still warming up a longer warmup, for INCONCLUSIVE messages. */
    public static final String WARMUP_FIX = "give it a longer warmup: set <warmupIterations> or <warmupTime> in the"
            + " perfgate-maven-plugin's configuration (or -Dperfgate.jmh.warmupIterations=8), or use the standard"
            + " profile (-Dperfgate.profile=standard); or set allowInconclusive = true";

    private static final Map<String, Double> NANOS_PER_UNIT = Map.of(
            "ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9, "min", 60e9, "hr", 3600e9, "day", 86_400e9);

    public BenchmarkDetails {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether JMH measured operations per time unit (higher is better) rather than time per operation. */
    @JsonIgnore
    public boolean isThroughput() {
        return "thrpt".equals(mode);
    }

    /**
     * The score in perfgate's base unit: operations per second in throughput mode, nanoseconds per
     * operation in the time modes. Empty when there is no score or its unit is not one JMH writes.
     */
    public OptionalDouble baseScore() {
        return toBaseUnit(score);
    }

    /** The score error in the base unit, when known. */
    public OptionalDouble baseScoreError() {
        return toBaseUnit(scoreError);
    }

    /** Converts a figure in {@code scoreUnit} into the base unit. */
    public OptionalDouble toBaseUnit(Double value) {
        if (value == null || scoreUnit == null || !Double.isFinite(value)) {
            return OptionalDouble.empty();
        }
        if (scoreUnit.startsWith("ops/")) {
            Double nanos = NANOS_PER_UNIT.get(scoreUnit.substring(4));
            return nanos == null ? OptionalDouble.empty() : OptionalDouble.of(value * 1e9 / nanos);
        }
        if (scoreUnit.endsWith("/op")) {
            Double nanos = NANOS_PER_UNIT.get(scoreUnit.substring(0, scoreUnit.length() - 3));
            return nanos == null ? OptionalDouble.empty() : OptionalDouble.of(value * nanos);
        }
        return OptionalDouble.empty();
    }

    /** The parameters as {@code size=100, codec=json}; empty without parameters. */
    @JsonIgnore
    public String paramsText() {
        return params.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The score as JMH would print it: {@code 1,234 ± 56.7 ops/s}; "no score" without one. */
    @JsonIgnore
    public String scoreText() {
        if (score == null) {
            return "no score";
        }
        return number(score) + (scoreError == null ? "" : " ± " + number(scoreError)) + " " + scoreUnit;
    }

    /** The allocation per operation as {@code 1,040 ± 0.5 B/op}, or null when not measured. */
    @JsonIgnore
    public String allocationText() {
        if (allocationPerOperation == null) {
            return null;
        }
        return number(allocationPerOperation) + (allocationError == null ? "" : " ± " + number(allocationError))
                + " B/op";
    }

    /** {@code 2 forks x 5 iterations of 1 s}. */
    @JsonIgnore
    public String runText() {
        return forks + (forks == 1 ? " fork x " : " forks x ") + measurementIterations
                + (measurementIterations == 1 ? " iteration" : " iterations")
                + (measurementTime == null || measurementTime.equals("single-shot") ? "" : " of " + measurementTime);
    }

    /** Three significant digits, thousands grouped, the same in every locale. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return QuantityKind.grouped(rounded.longValue());
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
