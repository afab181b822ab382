package io.perfgate.core.jmh;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every gate declared for the benchmarks of one JMH run: the annotations found on each benchmark and the
 * build's rules. Known before the run (to decide on JMH's gc profiler and reject conflicting declarations),
 * resolved per parameter set after it ({@link BenchmarkGates#resolve(String, Map, List, List)}).
 */
public final class DeclaredGates {
    private final List<BenchmarkGateRule> rules;
    private final Map<String, List<List<GateDeclaration>>> annotations = new LinkedHashMap<>();

    public DeclaredGates(List<BenchmarkGateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Adds a benchmark's annotations, nearest level first.
     *
     * @throws io.perfgate.core.gate.InvalidGateException when declarations that apply to every parameter set
     *                                                    conflict, or a {@code params} does not parse
     */
    public void add(String benchmark, List<List<GateDeclaration>> levels) {
        levels.stream().flatMap(List::stream).forEach(BenchmarkGates::selector);
        BenchmarkGates.resolve(benchmark, Map.of(), levels, rules);
        annotations.put(benchmark, List.copyOf(levels));
    }

    /** The gates of one run of a benchmark, by its parameters. */
    public List<GateDeclaration> of(String benchmark, Map<String, String> params) {
        return BenchmarkGates.resolve(benchmark, params, annotations.getOrDefault(benchmark, List.of()), rules);
    }

    /** Whether any gate of any parameter set bounds allocation, which needs JMH's gc profiler. */
    public boolean needGcProfiler() {
        return annotations.keySet().stream().flatMap(this::everyDeclaration)
                .anyMatch(gate -> GateType.MEMORY.declarationName().equals(gate.gate()));
    }

    /**
     * Declarations whose {@code params} selected none of the runs of their benchmark: a typo, or a value
     * no longer in {@code @Param}. One line each, naming the declaration and what ran.
     */
    public List<String> unmatchedParams(List<TestResult> results) {
        List<String> unmatched = new ArrayList<>();
        for (String benchmark : annotations.keySet()) {
            List<Map<String, String>> ran = results.stream()
                    .filter(result -> result.benchmark() != null && benchmark.equals(result.benchmark().benchmark()))
                    .map(result -> result.benchmark().params()).toList();
            unmatched.addAll(BenchmarkGates.unmatchedParams(benchmark, annotations.get(benchmark),
                    rules.stream().filter(rule -> !rule.params().isAny() && unusedElsewhere(rule, benchmark, results))
                            .toList(), ran));
        }
        return unmatched.stream().distinct().toList();
    }

    /** A rule's params need to select a run of one of the benchmarks it matches, not of each. */
    private boolean unusedElsewhere(BenchmarkGateRule rule, String benchmark, List<TestResult> results) {
        return results.stream().noneMatch(result -> result.benchmark() != null
                && rule.matches(result.benchmark().benchmark()) && rule.params().matches(result.benchmark().params()))
                && annotations.keySet().stream().filter(rule::matches).findFirst().orElse("").equals(benchmark);
    }

    private Stream<GateDeclaration> everyDeclaration(String benchmark) {
        return Stream.concat(annotations.get(benchmark).stream().flatMap(List::stream),
                rules.stream().filter(rule -> rule.matches(benchmark)).flatMap(rule -> rule.gates().stream()));
    }
}
