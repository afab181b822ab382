package io.perfgate.core.jmh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's JSON result ({@code -rf json}): a benchmark in one mode with one parameter set.
 *
 * @param params           the {@code @Param} values in JMH's order
 * @param secondaryMetrics by name, with the older "·" prefix of profiler metrics removed ({@code gc.alloc.rate.norm})
 */
public record JmhRun(
        String jmhVersion,
        String benchmark,
        BenchmarkMode mode,
        int threads,
        int forks,
        String jdkVersion,
        String vmName,
        String vmVersion,
        List<String> jvmArgs,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        Map<String, String> params,
        JmhMetric primaryMetric,
        Map<String, JmhMetric> secondaryMetrics) {

    /** JMH's gc profiler's allocation per operation, in bytes. */
    public static final String ALLOCATION_PER_OPERATION = "gc.alloc.rate.norm";
    /** The share of each iteration the benchmark threads waited for a CPU ({@link CpuWaitProfiler}). */
    public static final String CPU_WAIT = "perfgate.cpuWait";
    /** JMH's gc profiler's allocation rate; present (even when zero) whenever the profiler ran. */
    public static final String ALLOCATION_RATE = "gc.alloc.rate";

    public JmhRun {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondaryMetrics = secondaryMetrics == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(secondaryMetrics));
    }

    /** The parameters as JMH prints them in its console: {@code size = 10, codec = json}. */
    public String consoleParams() {
        return JmhOutputMonitor.consoleParams(params);
    }
}
