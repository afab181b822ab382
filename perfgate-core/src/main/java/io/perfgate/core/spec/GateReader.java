package io.perfgate.core.spec;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.GateDeclaration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a gate as written (from a JUnit or JMH annotation, a pom rule, a YAML gate block, or a result file)
 * into a {@link GateSpec}. The only place bound text is parsed: every other class takes the parsed
 * {@link Bound} from a spec or an outcome.
 */
public final class GateReader {

    /** How one bound is named in errors, given its attribute and text. */
    @FunctionalInterface
    public interface Naming {
        String source(String attribute, String text);
    }

    /**
     * The attribute that selects a JMH benchmark's {@code @Param} sets ({@code ParamSelector.ATTRIBUTE}): no bound,
     * taken off by the JMH reader before a gate gets here, so anywhere else it is declared where it does nothing.
     */
    private static final String JMH_PARAMS = "params";

    private GateReader() {
    }

    /** Reads a declaration, naming each bound in errors as {@code @LatencyGate(p95 = "2 parsecs") on <declaredOn>}. */
    public static GateSpec read(GateDeclaration written) {
        return read(written, written.declaredOn());
    }

    /** @param where names the declaration in errors, when it says more than its {@code declaredOn} (the test, too) */
    public static GateSpec read(GateDeclaration written, String where) {
        return read(written, "@" + written.gate() + " on " + where,
                (attribute, text) -> "@" + written.gate() + "(" + attribute + " = \"" + text + "\") on " + where);
    }

    /**
     * Reads a declaration. Attributes are read in sorted order, so that of several bad ones the same one is
     * reported on every run.
     *
     * @param gateName how the gate is named when it sets no bound
     * @throws InvalidGateException for an unknown gate or attribute, no bound at all, or a bound that does not parse
     */
    public static GateSpec read(GateDeclaration written, String gateName, Naming naming) {
        GateType type = GateType.fromDeclarationName(written.gate());
        if (written.bounds().isEmpty()) {
            throw new InvalidGateException(gateName + " sets no bound; set at least one of "
                    + Metric.of(type).stream().map(Metric::attribute).toList());
        }
        Map<Metric, Bound> bounds = new TreeMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(written.bounds()).entrySet()) {
            String source = naming.source(entry.getKey(), entry.getValue());
            if (entry.getKey().equals(JMH_PARAMS)) {
                throw new InvalidGateException(source + ": params selects the @Param values of a JMH benchmark, so it"
                        + " applies only to gates on benchmarks (perfgate:jmh); remove it here");
            }
            Metric metric = Metric.of(type, entry.getKey(), source);
            bounds.put(metric, Bound.parse(entry.getValue(), metric.kind(), metric.direction(), source));
        }
        return new GateSpec(type, written.level(), written.allowInconclusive(), written.scope(),
                written.declaredOn(), bounds);
    }

    /** Reads each declaration with the default naming. */
    public static List<GateSpec> readAll(Collection<GateDeclaration> written) {
        List<GateSpec> specs = new ArrayList<>();
        written.forEach(declaration -> specs.add(read(declaration)));
        return specs;
    }
}
