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

/**
 * Decides which gates judge a benchmark. Per kind of gate the nearest declaration wins: the benchmark
 * method's annotation, then its class's, then enclosing classes', then a build rule matching its name.
 * Two declarations of one kind at the same level are an error, and so are two build rules of one kind
 * matching the same benchmark.
 */
public final class BenchmarkGates {
    private BenchmarkGates() {
    }

    /**
     * The gates of one benchmark, in the order of {@link GateType}.
     *
     * @param annotationLevels declarations found on the method, then the class, then enclosing classes
     * @throws InvalidGateException naming the benchmark and both declarations when they conflict
     */
    public static List<GateDeclaration> resolve(String benchmark, List<List<GateDeclaration>> annotationLevels,
                                                List<BenchmarkGateRule> rules) {
        Map<GateType, GateDeclaration> chosen = new EnumMap<>(GateType.class);
        for (List<GateDeclaration> level : annotationLevels) {
            Map<GateType, GateDeclaration> atLevel = new EnumMap<>(GateType.class);
            for (GateDeclaration declaration : level) {
                GateType type = GateType.fromDeclarationName(declaration.gate());
                GateDeclaration other = atLevel.put(type, declaration);
                if (other != null) {
                    throw new InvalidGateException(benchmark + ": @" + type.declarationName() + " is declared twice on "
                            + declaration.declaredOn() + "; keep one");
                }
            }
            atLevel.forEach(chosen::putIfAbsent);
        }
        Map<GateType, GateDeclaration> fromRules = new EnumMap<>(GateType.class);
        for (BenchmarkGateRule rule : rules) {
            if (!rule.matches(benchmark)) {
                continue;
            }
            for (GateDeclaration declaration : rule.gates()) {
                GateType type = GateType.fromDeclarationName(declaration.gate());
                GateDeclaration other = fromRules.put(type, declaration);
                if (other != null) {
                    throw new InvalidGateException(benchmark + " matches two build rules that both set a "
                            + type.declarationName() + ": " + other.declaredOn() + " and " + declaration.declaredOn()
                            + "; make the patterns exclusive");
                }
            }
        }
        fromRules.forEach(chosen::putIfAbsent);
        return List.copyOf(chosen.values());
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
