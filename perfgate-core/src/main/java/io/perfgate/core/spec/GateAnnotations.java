package io.perfgate.core.spec;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.result.GateDeclaration;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads perfgate's gate annotations ({@code @LatencyGate}, {@code @ThroughputGate}, ...) generically, for the
 * JUnit extension (which has the annotation types) and the JMH reader alike (which sees the user's copies, loaded
 * in a class loader over the test class path, so knows them only by name). One reading, so both agree: every text
 * attribute but {@code level} and {@code allowInconclusive} is a bound; a blank one is not set (annotation
 * defaults are empty); values are stripped; {@code level} is read by its constant's name.
 */
public final class GateAnnotations {
    /** The package of the public gate annotations. */
    public static final String PACKAGE = "io.perfgate.junit";

    private GateAnnotations() {
    }

    /** The gate an annotation type declares: one of perfgate's, in the given package, named after a gate type. */
    public static Optional<GateType> typeOf(Class<? extends Annotation> type, String annotationPackage) {
        if (!annotationPackage.equals(type.getPackageName())) {
            return Optional.empty();
        }
        return Arrays.stream(GateType.values())
                .filter(candidate -> candidate.declarationName().equals(type.getSimpleName()))
                .findFirst();
    }

    /**
     * The gate as written, bounds unchecked: what a recorder whose declaration is rejected still records, so that
     * {@code check} judges (and fails) it.
     *
     * @param declaredOn names it in the recorded result
     * @param scope      the endpoint of a load test the gate applies to; null for the whole result
     */
    public static GateDeclaration written(Annotation annotation, String declaredOn, String scope) {
        Class<? extends Annotation> type = annotation.annotationType();
        Map<String, String> bounds = new LinkedHashMap<>();
        Level level = Level.BLOCKING;
        boolean allowInconclusive = false;
        Method[] attributes = type.getDeclaredMethods();
        Arrays.sort(attributes, Comparator.comparing(Method::getName));
        for (Method attribute : attributes) {
            if (attribute.getParameterCount() != 0) {
                continue;
            }
            Object value = value(annotation, attribute, declaredOn);
            String name = attribute.getName();
            if (name.equals("level") && value instanceof Enum<?> constant) {
                try {
                    level = Level.valueOf(constant.name());
                } catch (IllegalArgumentException e) {
                    throw new InvalidGateException("@" + type.getSimpleName() + "(level = " + constant.name()
                            + ") on " + declaredOn + ": expected one of " + Arrays.toString(Level.values()));
                }
            } else if (name.equals("allowInconclusive") && value instanceof Boolean allowed) {
                allowInconclusive = allowed;
            } else if (value instanceof String text && !text.isBlank()) {
                bounds.put(name, text.strip());
            }
        }
        return new GateDeclaration(type.getSimpleName(), level, allowInconclusive, declaredOn, bounds, scope);
    }

    /**
     * The gate, every bound parsed.
     *
     * @param where names the declaration in errors (with the test, when not declared on it)
     * @throws InvalidGateException naming the annotation, the attribute and the value
     */
    public static GateSpec read(Annotation annotation, String where, String declaredOn, String scope) {
        return GateReader.read(written(annotation, declaredOn, scope), where);
    }

    private static Object value(Annotation annotation, Method attribute, String declaredOn) {
        try {
            attribute.setAccessible(true);
            return attribute.invoke(annotation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InvalidGateException("cannot read " + attribute.getName() + " of @"
                    + annotation.annotationType().getSimpleName() + " on " + declaredOn + ": " + e);
        }
    }
}
