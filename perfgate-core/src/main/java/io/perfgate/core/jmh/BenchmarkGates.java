package io.perfgate.core.jmh;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.GateDeclaration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Decides which gates judge a benchmark. Per kind of gate the nearest declaration wins: the benchmark
 * method's annotation, then its class's, then enclosing classes', then a build rule matching its name.
 * Two declarations of one kind at the same level are an error, and so are two build rules of one kind
 * matching the same benchmark.
 */
public final class BenchmarkGates {
    private BenchmarkGates() {
    }

    /** The gates of a benchmark without parameters; see {@link #resolve(String, Map, List, List)}. */
    public static List<GateDeclaration> resolve(String benchmark, List<List<GateDeclaration>> annotationLevels,
                                                List<BenchmarkGateRule> rules) {
        return resolve(benchmark, Map.of(), annotationLevels, rules);
    }

    /**
     * The gates of one run of a benchmark, in the order of {@link GateType}. A declaration with
     * {@code params} ({@link ParamSelector}) counts only for the runs it selects; of two of one kind that
     * select a run at the same level, the one naming more parameters wins.
     *
     * @param params           the run's {@code @Param} values
     * @param annotationLevels declarations found on the method, then the class, then enclosing classes
     * @throws InvalidGateException naming the benchmark and both declarations when they conflict
     */
    public static List<GateDeclaration> resolve(String benchmark, Map<String, String> params,
                                                List<List<GateDeclaration>> annotationLevels,
                                                List<BenchmarkGateRule> rules) {
        Map<GateType, GateDeclaration> chosen = new EnumMap<>(GateType.class);
        for (List<GateDeclaration> level : annotationLevels) {
            Map<GateType, Selected> atLevel = new EnumMap<>(GateType.class);
            for (GateDeclaration declaration : level) {
                ParamSelector selector = selector(declaration);
                if (selector.matches(params)) {
                    choose(atLevel, new Selected(withoutSelector(declaration), selector), (type, other) ->
                            named(benchmark, params) + ": @" + type.declarationName() + " is declared twice on "
                                    + declaration.declaredOn() + "; keep one");
                }
            }
            atLevel.forEach((type, selected) -> chosen.putIfAbsent(type, selected.declaration()));
        }
        Map<GateType, Selected> fromRules = new EnumMap<>(GateType.class);
        for (BenchmarkGateRule rule : rules) {
            if (!rule.matches(benchmark) || !rule.params().matches(params)) {
                continue;
            }
            for (GateDeclaration declaration : rule.gates()) {
                choose(fromRules, new Selected(declaration, rule.params()), (type, other) ->
                        named(benchmark, params) + " matches two build rules that both set a " + type.declarationName()
                                + ": " + other.declaration().declaredOn() + " and " + declaration.declaredOn()
                                + "; make the patterns " + (rule.params().isAny() ? "" : "or their <params> ")
                                + "exclusive");
            }
        }
        fromRules.forEach((type, selected) -> chosen.putIfAbsent(type, selected.declaration()));
        return List.copyOf(chosen.values());
    }

    /**
     * The {@code params} of declarations that select none of the parameter sets a benchmark ran with (a typo,
     * or a value no longer in {@code @Param}): such a gate would never judge anything.
     *
     * @param paramsRun every parameter set the benchmark ran (or failed) with
     * @return one line per declaration, naming it, its params and what ran
     */
    public static List<String> unmatchedParams(String benchmark, List<List<GateDeclaration>> annotationLevels,
                                               List<BenchmarkGateRule> rules, List<Map<String, String>> paramsRun) {
        List<String> unmatched = new ArrayList<>();
        String ran = paramsRun.stream().map(BenchmarkGates::text).distinct().toList().toString();
        for (List<GateDeclaration> level : annotationLevels) {
            for (GateDeclaration declaration : level) {
                ParamSelector selector = selector(declaration);
                if (!selector.isAny() && !selector.matchesAny(paramsRun)) {
                    unmatched.add("@" + declaration.gate() + "(params = \"" + selector.text() + "\") on "
                            + declaration.declaredOn() + " selects none of the parameter sets " + benchmark
                            + " ran with: " + ran);
                }
            }
        }
        for (BenchmarkGateRule rule : rules) {
            if (rule.matches(benchmark) && !rule.params().isAny() && !rule.params().matchesAny(paramsRun)) {
                unmatched.add("pom <gate> for benchmarks matching '" + rule.pattern() + "' with <params>"
                        + rule.params().text() + "</params> selects none of the parameter sets " + benchmark
                        + " ran with: " + ran);
            }
        }
        return unmatched;
    }

    /** The params of an annotation, read as any other text attribute ({@link AnnotatedGates}). */
    static ParamSelector selector(GateDeclaration declaration) {
        return ParamSelector.parse(declaration.bounds().get(ParamSelector.ATTRIBUTE),
                "@" + declaration.gate() + " on " + declaration.declaredOn());
    }

    static GateDeclaration withoutSelector(GateDeclaration declaration) {
        if (!declaration.bounds().containsKey(ParamSelector.ATTRIBUTE)) {
            return declaration;
        }
        Map<String, String> bounds = new LinkedHashMap<>(declaration.bounds());
        String params = bounds.remove(ParamSelector.ATTRIBUTE);
        return new GateDeclaration(declaration.gate(), declaration.level(), declaration.allowInconclusive(),
                declaration.declaredOn() + " (params = \"" + params.strip() + "\")", bounds, declaration.scope());
    }

    private static void choose(Map<GateType, Selected> chosen, Selected candidate,
                               BiFunction<GateType, Selected, String> conflict) {
        GateType type = GateType.fromDeclarationName(candidate.declaration().gate());
        Selected other = chosen.get(type);
        if (other == null || candidate.selector().specificity() > other.selector().specificity()) {
            chosen.put(type, candidate);
        } else if (candidate.selector().specificity() == other.selector().specificity()) {
            throw new InvalidGateException(conflict.apply(type, other));
        }
    }

    private static String named(String benchmark, Map<String, String> params) {
        return benchmark + (params.isEmpty() ? "" : " [" + text(params) + "]");
    }

    private static String text(Map<String, String> params) {
        return params.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private record Selected(GateDeclaration declaration, ParamSelector selector) {
    }

    /**
     * The gates that judge one mode of a benchmark. A bound the mode cannot measure (throughput on an
     * average-time run) is left out when another mode the benchmark ran in does measure it, so a benchmark
     * run in Throughput and AverageTime has its throughput gate judged on the first only. A bound that no mode
     * of the benchmark measures stays, so that {@code check} fails it with an explanation.
     *
     * @param modesRun every mode the benchmark ran (or failed) in
     */
    public static List<GateDeclaration> forMode(List<GateDeclaration> gates, BenchmarkMode mode,
                                                Set<BenchmarkMode> modesRun) {
        List<GateDeclaration> kept = new ArrayList<>();
        for (GateDeclaration declaration : gates) {
            Map<String, String> bounds = new LinkedHashMap<>();
            declaration.bounds().forEach((attribute, text) -> {
                Optional<Metric> metric = metric(declaration, attribute);
                boolean measuredHere = mode == null || metric.isEmpty() || mode.measures(metric.get());
                boolean measuredElsewhere = metric.isPresent()
                        && modesRun.stream().anyMatch(other -> other != mode && other.measures(metric.get()));
                if (measuredHere || !measuredElsewhere) {
                    bounds.put(attribute, text);
                }
            });
            if (bounds.size() == declaration.bounds().size()) {
                kept.add(declaration);
            } else if (!bounds.isEmpty()) {
                kept.add(declaration.withBounds(bounds));
            }
        }
        return kept;
    }

    /** Whether any of the gates bounds allocation, which needs JMH's gc profiler. */
    public static boolean needGcProfiler(Collection<List<GateDeclaration>> gates) {
        return gates.stream().flatMap(List::stream)
                .anyMatch(gate -> gate.is(GateType.MEMORY));
    }

    private static Optional<Metric> metric(GateDeclaration declaration, String attribute) {
        return declaration.type().flatMap(type -> Metric.of(type).stream()
                .filter(metric -> metric.attribute().equals(attribute)).findFirst());
    }
}
