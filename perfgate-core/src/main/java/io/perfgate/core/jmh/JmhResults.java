package io.perfgate.core.jmh;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.jmh.JmhOutputMonitor.BenchmarkFailure;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.measure.ContentionRule;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.Round;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a JMH run into perfgate results: one result per benchmark, mode and parameter set (kind
 * {@code jmh}), one {@link Round} per fork so regressions compare forks. A benchmark that JMH reported as
 * failed, or that it was asked to run and left no trace of, becomes a result carrying the failure, which
 * {@code check} fails; it never passes.
 */
public final class JmhResults {
    /** The result kind of benchmarks. */
    public static final ResultKind KIND = ResultKind.JMH;

    private JmhResults() {
    }

    /**
     * The results of one JMH run.
     *
     * @param runs      the entries of JMH's JSON result
     * @param failures  the failures JMH printed ({@link JmhOutputMonitor})
     * @param expected  the benchmarks JMH was asked to run (its {@code -l} listing)
     * @param gates     the gates of a benchmark by name, from {@link BenchmarkGates#resolve}
     * @param profile   the profile the settings came from, recorded in the workload
     */
    public static List<TestResult> convert(List<JmhRun> runs, List<BenchmarkFailure> failures,
                                           Collection<String> expected,
                                           Function<String, List<GateDeclaration>> gates,
                                           String profile, Instant startedAt) {
        return convert(runs, failures, expected, (benchmark, params) -> gates.apply(benchmark), profile, startedAt);
    }

    /**
     * The results of one JMH run, with gates that may differ per parameter set.
     *
     * @param gates the gates of a benchmark's run with the given {@code @Param} values
     */
    public static List<TestResult> convert(List<JmhRun> runs, List<BenchmarkFailure> failures,
                                           Collection<String> expected,
                                           BiFunction<String, Map<String, String>, List<GateDeclaration>> gates,
                                           String profile, Instant startedAt) {
        return convert(runs, failures, expected, gates, Map.of(), profile, startedAt);
    }

    /**
     * The results of one JMH run, some of whose metrics were still warming up when measured.
     *
     * @param stillWarming by {@link #id}, why a run's score or allocation per operation was not a steady state's
     *                     ({@link WarmupRetries.Outcome#stillWarming}): recorded in its
     *                     {@link BenchmarkDetails#stillWarming} and {@link BenchmarkDetails#allocationStillWarming}
     */
    public static List<TestResult> convert(List<JmhRun> runs, List<BenchmarkFailure> failures,
                                           Collection<String> expected,
                                           BiFunction<String, Map<String, String>, List<GateDeclaration>> gates,
                                           Map<String, WarmupRetries.StillWarming> stillWarming, String profile,
                                           Instant startedAt) {
        return convert(runs, failures, expected, gates, stillWarming, ContentionRule.fromSystemProperties(), profile,
                startedAt);
    }

    /**
     * The results of one JMH run, their iterations' CPU wait held against a contention rule.
     *
     * @param contentionRule the share of its iterations a benchmark's threads may wait for a CPU before its wall-time
     *                       FAILs and REGRESSIONs have no verdict ({@link Contention#beyondAllowed})
     */
    public static List<TestResult> convert(List<JmhRun> runs, List<BenchmarkFailure> failures,
                                           Collection<String> expected,
                                           BiFunction<String, Map<String, String>, List<GateDeclaration>> gates,
                                           Map<String, WarmupRetries.StillWarming> stillWarming,
                                           ContentionRule contentionRule, String profile, Instant startedAt) {
        Map<String, BenchmarkFailure> failureByKey = new LinkedHashMap<>();
        failures.forEach(failure -> failureByKey.putIfAbsent(failure.key(), failure));
        Map<String, Set<BenchmarkMode>> modes = new HashMap<>();
        for (JmhRun run : runs) {
            modes.computeIfAbsent(run.benchmark(), name -> EnumSet.noneOf(BenchmarkMode.class)).add(run.mode());
        }
        for (BenchmarkFailure failure : failures) {
            Set<BenchmarkMode> set = modes.computeIfAbsent(failure.benchmark(), name -> EnumSet.noneOf(BenchmarkMode.class));
            if (failure.mode() != null) {
                set.add(failure.mode());
            }
        }

        Environment machine = Environment.current();
        List<TestResult> results = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JmhRun run : runs) {
            String key = BenchmarkFailure.key(run.benchmark(), run.mode(), run.consoleParams());
            BenchmarkFailure failure = failureByKey.remove(key);
            Set<BenchmarkMode> modesRun = modes.get(run.benchmark());
            TestResult result = result(run, failure, modesRun,
                    BenchmarkGates.forMode(gates.apply(run.benchmark(), run.params()), run.mode(), modesRun),
                    stillWarming.get(id(run.benchmark(), run.mode(), run.params())), contentionRule, profile,
                    startedAt, machine);
            if (!ids.add(result.id())) {
                throw new JmhResultException("JMH's result holds " + result.label() + " twice; run each benchmark"
                        + " once per JMH run");
            }
            results.add(result);
        }
        for (BenchmarkFailure failure : failureByKey.values()) {
            Set<BenchmarkMode> modesRun = modes.get(failure.benchmark());
            results.add(failed(failure.benchmark(), failure.mode(), failure.params(), failure.cause(), modesRun,
                    BenchmarkGates.forMode(gates.apply(failure.benchmark(), failure.params()), failure.mode(), modesRun),
                    profile, startedAt, machine));
        }
        for (String benchmark : expected) {
            if (!modes.containsKey(benchmark)) {
                results.add(failed(benchmark, null, Map.of(), "JMH recorded no result for it and reported no"
                                + " failure; see JMH's output", Set.of(),
                        gates.apply(benchmark, Map.of()), profile, startedAt, machine));
            }
        }
        return results;
    }

    /** The stable id of a benchmark run: JMH's name, the mode and the parameters. */
    public static String id(String benchmark, BenchmarkMode mode, Map<String, String> params) {
        StringBuilder id = new StringBuilder(KIND.fileName()).append(':').append(benchmark);
        if (mode != null) {
            id.append(':').append(mode.shortLabel());
        }
        if (!params.isEmpty()) {
            id.append('[');
            params.forEach((name, value) -> id.append(name).append('=').append(value).append(';'));
            id.setLength(id.length() - 1);
            id.append(']');
        }
        return id.toString();
    }

    /** The worst of the run's measured iteration scores, in its score unit; null without any. */
    static Double worstIteration(JmhRun run) {
        boolean higherIsWorse = run.mode() != BenchmarkMode.THROUGHPUT;
        return SteadyState.iterationScores(run).stream().flatMap(List::stream).filter(Double::isFinite)
                .reduce(higherIsWorse ? Math::max : Math::min).orElse(null);
    }

    private static TestResult result(JmhRun run, BenchmarkFailure failure, Set<BenchmarkMode> modesRun,
                                     List<GateDeclaration> gates, WarmupRetries.StillWarming stillWarming,
                                     ContentionRule contentionRule, String profile, Instant startedAt,
                                     Environment machine) {
        JmhMetric primary = run.primaryMetric();
        Double allocation = null;
        Double allocationError = null;
        JmhMetric norm = run.secondaryMetrics().get(JmhRun.ALLOCATION_PER_OPERATION);
        JmhMetric rate = run.secondaryMetrics().get(JmhRun.ALLOCATION_RATE);
        if (norm != null && Double.isFinite(norm.score())) {
            allocation = norm.score();
            allocationError = finite(norm.scoreError());
        } else if (norm == null && rate != null && Double.isFinite(rate.score())) {
            // JMH's gc profiler leaves gc.alloc.rate.norm out when nothing at all was allocated
            allocation = 0.0;
        }
        BenchmarkDetails details = new BenchmarkDetails(run.benchmark(), run.mode().shortLabel(), run.params(),
                run.threads(), run.forks(), run.warmupIterations(), run.warmupTime(), run.measurementIterations(),
                run.measurementTime(), finite(primary.score()), finite(primary.scoreError()), primary.scoreUnit(),
                allocation, allocationError, run.jmhVersion(), failure == null ? null : failure.cause(),
                stillWarming == null ? null : stillWarming.score(),
                stillWarming == null ? null : stillWarming.allocation(), worstIteration(run));

        long iterationNanos = JmhSettings.nanos(run.measurementTime());
        List<Round> rounds = new ArrayList<>();
        long samples = 0;
        long duration = 0;
        LatencyHistogram merged = null;
        if (run.mode() == BenchmarkMode.SAMPLE_TIME) {
            double nanosPerUnit = details.toBaseUnit(1.0).orElse(Double.NaN);
            merged = new LatencyHistogram();
            for (List<List<JmhMetric.Sample>> fork : primary.rawDataHistogram()) {
                LatencyHistogram histogram = new LatencyHistogram();
                double sum = 0;
                long count = 0;
                for (List<JmhMetric.Sample> iteration : fork) {
                    for (JmhMetric.Sample sample : iteration) {
                        if (Double.isFinite(sample.value()) && Double.isFinite(nanosPerUnit) && sample.count() > 0) {
                            double nanos = sample.value() * nanosPerUnit;
                            histogram.record(Math.round(nanos), sample.count());
                            sum += nanos * sample.count();
                            count += sample.count();
                        }
                    }
                }
                long forkNanos = fork.size() * iterationNanos;
                rounds.add(new Round(count, 0, forkNanos, histogram.encode(), count == 0 ? null : sum / count));
                merged.add(histogram);
                samples += count;
                duration += forkNanos;
            }
        } else {
            for (List<Double> fork : primary.rawData()) {
                double sum = 0;
                int count = 0;
                for (double value : fork) {
                    if (Double.isFinite(value)) {
                        sum += value;
                        count++;
                    }
                }
                long forkNanos = fork.size() * iterationNanos;
                Double mean = count == 0 ? null : details.toBaseUnit(sum / count).stream().boxed().findFirst().orElse(null);
                rounds.add(new Round(fork.size(), 0, forkNanos, null, mean));
                samples += fork.size();
                duration += forkNanos;
            }
        }
        MemoryMeasurement memory = allocation == null ? null : new MemoryMeasurement(null, allocation, null, null, null);
        JmhMetric cpuWait = run.secondaryMetrics().get(JmhRun.CPU_WAIT);
        Contention contention = cpuWait == null ? null
                : Contention.ofIterations(cpuWait.rawData(), contentionRule.maxWaitShare(),
                        Contention.loadPerCoreNow());
        Measurement measurement = new Measurement(samples, 0, Map.of(), null, duration,
                merged == null ? null : merged.encode(), memory, null, rounds, null, contention, null, null);
        Environment environment = new Environment(
                run.jdkVersion() != null ? run.jdkVersion() : machine.javaVersion(),
                run.jdkVersion() != null ? null : machine.javaVendor(),
                run.vmName() != null ? run.vmName() : machine.vmName(),
                machine.osName(), machine.osArch(), machine.availableProcessors(), machine.cpuModel(),
                0, run.jvmArgs(), run.jvmArgs().stream().anyMatch(JmhResults::enablesAssertions));
        Workload workload = new Workload(profile, 0, run.warmupIterations() * JmhSettings.nanos(run.warmupTime()),
                0, run.measurementIterations() * iterationNanos, run.threads(), 0);
        return new TestResult(TestResult.SCHEMA_VERSION, KIND, id(run.benchmark(), run.mode(), run.params()),
                className(run.benchmark()), methodName(run.benchmark()),
                displayName(run.benchmark(), run.mode(), run.params(), modesRun), ResultStatus.COMPLETED, null,
                gates, workload, measurement, null, environment, startedAt, details, null, null);
    }

    private static TestResult failed(String benchmark, BenchmarkMode mode, Map<String, String> params, String cause,
                                     Set<BenchmarkMode> modesRun, List<GateDeclaration> gates, String profile,
                                     Instant startedAt, Environment machine) {
        BenchmarkDetails details = new BenchmarkDetails(benchmark, mode == null ? null : mode.shortLabel(), params,
                0, 0, 0, null, 0, null, null, null, null, null, null, null, cause, null, null, null);
        Measurement nothing = new Measurement(0, 0, Map.of(), null, 0, null, null, null, List.of());
        return new TestResult(TestResult.SCHEMA_VERSION, KIND, id(benchmark, mode, params), className(benchmark),
                methodName(benchmark), displayName(benchmark, mode, params, modesRun), ResultStatus.COMPLETED,
                null, gates, new Workload(profile, 0, 0, 0, 0, 0, 0), nothing, null, machine, startedAt,
                details, null, null);
    }

    /** The method name, plus the mode when the benchmark ran in several and the parameters when it has any. */
    private static String displayName(String benchmark, BenchmarkMode mode, Map<String, String> params,
                                      Set<BenchmarkMode> modesRun) {
        List<String> parts = new ArrayList<>();
        if (mode != null && modesRun != null && modesRun.size() > 1) {
            parts.add(mode.shortLabel());
        }
        params.forEach((name, value) -> parts.add(name + "=" + value));
        return parts.isEmpty() ? methodName(benchmark) : String.join(", ", parts);
    }

    /**
     * The class's binary name. JMH names a nested class's benchmark {@code pkg.Outer.Inner.method}; by Java's
     * naming convention the first capitalised segment starts the class names, so that is
     * {@code pkg.Outer$Inner}, as JUnit results name nested classes.
     */
    static String className(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        if (dot < 0) {
            return benchmark;
        }
        String[] segments = benchmark.substring(0, dot).split("\\.");
        StringBuilder name = new StringBuilder();
        boolean inClasses = false;
        for (String segment : segments) {
            if (name.length() > 0) {
                name.append(inClasses ? '$' : '.');
            }
            name.append(segment);
            inClasses |= !segment.isEmpty() && Character.isUpperCase(segment.charAt(0));
        }
        return name.toString();
    }

    private static String methodName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static boolean enablesAssertions(String argument) {
        return argument.equals("-ea") || argument.startsWith("-ea:") || argument.equals("-enableassertions")
                || argument.startsWith("-enableassertions:");
    }
}
