package io.perfgate.core.spec;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.GateDeclaration;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One gate, typed and with every bound parsed: what {@link GateReader} makes of an annotation, a pom rule or a
 * YAML gate block, and what judges and reports work from. Bounds are in the metrics' declaration order.
 *
 * @param scope      the endpoint of a load test the gate applies to; null for the whole result
 * @param declaredOn where it was declared, for messages: {@code method OrderTest#create}
 */
public record GateSpec(GateType type, Level level, boolean allowInconclusive, String scope, String declaredOn,
                       Map<Metric, Bound> bounds) {

    public GateSpec {
        level = level == null ? Level.BLOCKING : level;
        Map<Metric, Bound> ordered = new EnumMap<>(Metric.class);
        ordered.putAll(bounds);
        bounds = Collections.unmodifiableMap(ordered);
    }

    public Optional<Bound> bound(Metric metric) {
        return Optional.ofNullable(bounds.get(metric));
    }

    /** The written form, each bound as its text, for result files. */
    public GateDeclaration declaration() {
        Map<String, String> written = new LinkedHashMap<>();
        bounds.forEach((metric, bound) -> written.put(metric.attribute(), bound.text()));
        return new GateDeclaration(type.declarationName(), level, allowInconclusive, declaredOn, written, scope);
    }

    /** The same gate, accepting INCONCLUSIVE or not. */
    public GateSpec withAllowInconclusive(boolean allowed) {
        return new GateSpec(type, level, allowed, scope, declaredOn, bounds);
    }
}
