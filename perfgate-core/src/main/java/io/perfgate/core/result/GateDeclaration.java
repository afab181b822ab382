package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.gate.Level;

import java.util.Map;

/**
 * One gate as the user declared it, kept as text so {@code check} judges exactly what was written.
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
}
