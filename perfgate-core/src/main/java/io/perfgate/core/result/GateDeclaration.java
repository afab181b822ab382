package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;

import java.util.Map;
import java.util.Optional;

/**
 * One gate as the user declared it, kept as text so {@code check} judges exactly what was written. This is the
 * written form, as result files hold it; {@code GateReader} turns it into the typed {@code GateSpec}.
 *
 * @param gate               the gate's declaration name, {@code LatencyGate}
 * @param level              how a violation is enforced
 * @param allowInconclusive  whether an INCONCLUSIVE verdict is accepted instead of failing a BLOCKING gate
 * @param declaredOn         where it was declared, for messages: {@code method OrderTest#create}
 * @param bounds             attribute to bound text, only the attributes the user set: {@code p95 -> 150ms..200ms}
 * @param scope              what part of the result it applies to; null for the whole result, else an endpoint name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateDeclaration(
        String gate,
        Level level,
        boolean allowInconclusive,
        String declaredOn,
        Map<String, String> bounds,
        String scope) {

    public GateDeclaration {
        bounds = bounds == null ? Map.of() : Map.copyOf(bounds);
        level = level == null ? Level.BLOCKING : level;
    }

    /** The gate's type; empty for a name perfgate does not know (which {@code check} fails, naming it). */
    @JsonIgnore
    public Optional<GateType> type() {
        return GateType.find(gate);
    }

    /** Whether this declares a gate of the given type. */
    public boolean is(GateType type) {
        return type().filter(type::equals).isPresent();
    }

    /** The same declaration with INCONCLUSIVE accepted or not. */
    public GateDeclaration withAllowInconclusive(boolean allowed) {
        return new GateDeclaration(gate, level, allowed, declaredOn, bounds, scope);
    }

    /** The same declaration with only these bounds. */
    public GateDeclaration withBounds(Map<String, String> newBounds) {
        return new GateDeclaration(gate, level, allowInconclusive, declaredOn, newBounds, scope);
    }
}
