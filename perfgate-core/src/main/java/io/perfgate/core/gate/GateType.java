package io.perfgate.core.gate;

import java.util.Arrays;

/** The kinds of gate; each is declared by the annotation (or configuration block) of the same name. */
public enum GateType {
    LATENCY("LatencyGate"),
    THROUGHPUT("ThroughputGate"),
    ERROR_RATE("ErrorRateGate"),
    MEMORY("MemoryGate"),
    DATABASE("DatabaseGate"),
    /** Web page metrics measured by Lighthouse in headless Chromium ({@code perfgate:lighthouse}). */
    FRONTEND("FrontendGate");

    private final String declarationName;

    GateType(String declarationName) {
        this.declarationName = declarationName;
    }

    /** The annotation's simple name, as users type it: {@code LatencyGate}. */
    public String declarationName() {
        return declarationName;
    }

    /** The type a declaration name ({@code LatencyGate}, or the constant's name) stands for; empty for others. */
    public static java.util.Optional<GateType> find(String name) {
        return Arrays.stream(values())
                .filter(type -> type.declarationName.equals(name) || type.name().equals(name))
                .findFirst();
    }

    public static GateType fromDeclarationName(String name) {
        return find(name)
                .orElseThrow(() -> new InvalidGateException("unknown gate '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(GateType::declarationName).toList()));
    }
}
