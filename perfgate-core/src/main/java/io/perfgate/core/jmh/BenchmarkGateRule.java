package io.perfgate.core.jmh;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.GateReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Gates declared in the build for every benchmark whose name matches a pattern, as an alternative to
 * annotations: {@code <gate><benchmark>.*Parse.*</benchmark><throughput>1000000/s</throughput></gate>}.
 * Annotations on a benchmark win over a rule for the same kind of gate. With {@code <params>size=10000</params>}
 * the rule applies only to runs with those {@code @Param} values ({@link ParamSelector}).
 *
 * @param pattern the regular expression, found anywhere in the benchmark name as JMH's own filters are
 * @param params  the parameter sets the rule applies to; {@link ParamSelector#ANY} for all
 * @param gates   one declaration per kind of gate the rule bounds
 */
public record BenchmarkGateRule(String pattern, ParamSelector params, List<GateDeclaration> gates) {

    /** The rule's bound names and the gate and attribute each one sets. */
    private static final Map<String, GateAttribute> BOUNDS = Map.of(
            "throughput", new GateAttribute(GateType.THROUGHPUT, "min"),
            "mean", new GateAttribute(GateType.LATENCY, "mean"),
            "p50", new GateAttribute(GateType.LATENCY, "p50"),
            "p90", new GateAttribute(GateType.LATENCY, "p90"),
            "p95", new GateAttribute(GateType.LATENCY, "p95"),
            "p99", new GateAttribute(GateType.LATENCY, "p99"),
            "max", new GateAttribute(GateType.LATENCY, "max"),
            "allocationPerInvocation", new GateAttribute(GateType.MEMORY, "allocationPerInvocation"));

    public BenchmarkGateRule {
        gates = List.copyOf(gates);
    }

    /**
     * Builds a rule from its bounds by name ({@code throughput}, {@code mean}, {@code p50} .. {@code p99},
     * {@code max}, {@code allocationPerInvocation}); blank bounds are left out. The entry {@code params}, when
     * present, is the rule's {@link ParamSelector}, not a bound.
     *
     * @throws InvalidGateException naming the rule when the pattern is not a regular expression, a bound name
     *                              is unknown or does not parse, or no bound is set
     */
    public static BenchmarkGateRule of(String pattern, Map<String, String> bounds, Level level,
                                       boolean allowInconclusive) {
        Map<String, String> remaining = new TreeMap<>(bounds);
        String paramsText = remaining.remove(ParamSelector.ATTRIBUTE);
        ParamSelector params = ParamSelector.parse(paramsText, "<gate> for benchmarks matching '" + pattern + "'");
        String where = "<gate> for benchmarks matching '" + pattern + "'"
                + (params.isAny() ? "" : " with " + params.text());
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidGateException("a <gate> has no <benchmark> pattern; name the benchmarks it applies to,"
                    + " for example <benchmark>.*ParserBench.*</benchmark>");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidGateException(where + ": not a regular expression: " + e.getDescription());
        }
        Map<GateType, Map<String, String>> byGate = new TreeMap<>();
        for (Map.Entry<String, String> bound : remaining.entrySet()) {
            if (bound.getValue() == null || bound.getValue().isBlank()) {
                continue;
            }
            GateAttribute attribute = BOUNDS.get(bound.getKey());
            if (attribute == null) {
                throw new InvalidGateException(where + ": unknown bound <" + bound.getKey() + ">; expected one of "
                        + new TreeMap<>(BOUNDS).keySet());
            }
            byGate.computeIfAbsent(attribute.type(), type -> new LinkedHashMap<>())
                    .put(attribute.attribute(), bound.getValue().strip());
        }
        if (byGate.isEmpty()) {
            throw new InvalidGateException(where + " sets no bound; set at least one of "
                    + new TreeMap<>(BOUNDS).keySet());
        }
        List<GateDeclaration> gates = new ArrayList<>();
        byGate.forEach((type, gateBounds) -> gates.add(GateReader.read(new GateDeclaration(type.declarationName(),
                level, allowInconclusive, "pom " + where, gateBounds, null), where,
                (attribute, text) -> where + ": <" + ruleName(type, attribute) + ">" + text + "</"
                        + ruleName(type, attribute) + ">").declaration()));
        return new BenchmarkGateRule(pattern, params, gates);
    }

    /** Whether the rule applies to a benchmark: its pattern is found in the name. */
    public boolean matches(String benchmark) {
        return Pattern.compile(pattern).matcher(benchmark).find();
    }

    private static String ruleName(GateType type, String attribute) {
        return BOUNDS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(new GateAttribute(type, attribute)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(attribute);
    }

    private record GateAttribute(GateType type, String attribute) {
    }
}
