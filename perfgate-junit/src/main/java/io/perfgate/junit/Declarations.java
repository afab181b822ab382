package io.perfgate.junit;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.measure.WorkloadRequest;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the gates and the workload that apply to a test. Per annotation type the nearest declaration wins:
 * the test method, then its class (and that class's superclasses and interfaces, the annotations being
 * {@code @Inherited}), then each enclosing class of a {@code @Nested} class, nearest first. Annotations count
 * when present directly or through meta-annotations (composed annotations). Two of the same type at the
 * same level are an error. Every bound is parsed here, so a bad one fails the test before anything runs.
 */
final class Declarations {

    /** Every gate annotation; each one's simple name is its {@link GateType#declarationName()}. */
    static final List<Class<? extends Annotation>> GATES =
            List.of(LatencyGate.class, ThroughputGate.class, ErrorRateGate.class, MemoryGate.class, DatabaseGate.class);

    /** Attributes of gate annotations that are not bounds. */
    private static final Set<String> GATE_OPTIONS = Set.of("level", "allowInconclusive");

    /**
     * What applies to one test.
     *
     * @param workload the declared {@code @PerfTest}, or the defaults when there is none
     * @param memory   whether a memory gate asks for memory figures
     * @param leak     whether a memory gate bounds a leak (which adds the leak-detection phase)
     * @param database whether a database gate asks for what goes through wrapped DataSources
     */
    record Resolved(List<GateDeclaration> gates, WorkloadRequest workload, boolean memory, boolean leak,
                    boolean database) {
    }

    /** One annotation found at one level, and how it was reached. */
    private record Found(Annotation annotation, String declaredOn) {
    }

    private Declarations() {
    }

    /**
     * The gates and workload of the test in this context, or empty when none is declared.
     *
     * @throws ExtensionConfigurationException for a duplicate declaration or a bad value, naming both
     */
    static Optional<Resolved> resolve(ExtensionContext context) {
        String test = testLabel(context);
        List<GateDeclaration> gates = new ArrayList<>();
        boolean memory = false;
        boolean leak = false;
        boolean database = false;
        for (Class<? extends Annotation> type : GATES) {
            Optional<Found> found = nearest(context, type);
            if (found.isPresent()) {
                GateDeclaration declaration = declaration(found.get(), test, true);
                gates.add(declaration);
                memory |= type == MemoryGate.class;
                leak |= type == MemoryGate.class && (declaration.bounds().containsKey(Metric.LEAK_PER_INVOCATION.attribute())
                        || declaration.bounds().containsKey(Metric.LEAK_PER_HOUR.attribute()));
                database |= type == DatabaseGate.class;
            }
        }
        Optional<Found> perfTest = nearest(context, PerfTest.class);
        if (gates.isEmpty() && perfTest.isEmpty()) {
            return Optional.empty();
        }
        WorkloadRequest workload = perfTest
                .map(found -> workload((PerfTest) found.annotation(), onWithTest(found.declaredOn(), test)))
                .orElseGet(() -> WorkloadRequest.defaults(test));
        return Optional.of(new Resolved(gates, workload, memory, leak, database));
    }

    /**
     * The gates of the test in this context as written, bounds unchecked: what a test whose declarations
     * {@link #resolve} rejects still records, so that {@code check} judges (and fails) them. A gate type declared
     * twice at one level is left out, having no single declaration to record.
     */
    static List<GateDeclaration> asWritten(ExtensionContext context) {
        String test = testLabel(context);
        List<GateDeclaration> gates = new ArrayList<>();
        for (Class<? extends Annotation> type : GATES) {
            try {
                nearest(context, type).ifPresent(found -> gates.add(declaration(found, test, false)));
            } catch (ExtensionConfigurationException duplicate) {
                // the failure it caused is recorded as the reason nothing was measured
            }
        }
        return gates;
    }

    /** {@code OrderTest#create}: the class's name without its package, and the method. */
    static String testLabel(ExtensionContext context) {
        return simpleName(context.getRequiredTestClass()) + "#" + context.getRequiredTestMethod().getName();
    }

    static String simpleName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Optional<Found> nearest(ExtensionContext context, Class<? extends Annotation> type) {
        Method method = context.getRequiredTestMethod();
        Optional<Found> onMethod = single(type, on(method, type, testLabel(context)), testLabel(context));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Class<?> testClass : classesOutward(context)) {
            Optional<Found> onClass = onClassOrSupertypes(testClass, type);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    /** The test class, then the classes enclosing it as JUnit nests them, nearest first. */
    private static List<Class<?>> classesOutward(ExtensionContext context) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        classes.add(context.getRequiredTestClass());
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
             current = current.get().getParent()) {
            ExtensionContext level = current.get();
            if (level.getTestMethod().isEmpty()) {
                level.getTestClass().ifPresent(classes::add);
            }
        }
        return new ArrayList<>(classes);
    }

    /** The class, its superclasses nearest first, then the interfaces of them all (where JUnit also finds extensions). */
    private static Optional<Found> onClassOrSupertypes(Class<?> testClass, Class<? extends Annotation> type) {
        for (Class<?> current = testClass; current != null && current != Object.class; current = current.getSuperclass()) {
            String where = "class " + simpleName(current);
            Optional<Found> found = single(type, on(current, type, where), where);
            if (found.isPresent()) {
                return found;
            }
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> current = testClass; current != null; current = current.getSuperclass()) {
            interfaces.addAll(Arrays.asList(current.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> candidate = interfaces.removeFirst();
            if (!seen.add(candidate)) {
                continue;
            }
            String where = "interface " + simpleName(candidate);
            Optional<Found> found = single(type, on(candidate, type, where), where);
            if (found.isPresent()) {
                return found;
            }
            interfaces.addAll(Arrays.asList(candidate.getInterfaces()));
        }
        return Optional.empty();
    }

    private static Optional<Found> single(Class<? extends Annotation> type, List<Found> found, String where) {
        if (found.size() > 1) {
            throw new ExtensionConfigurationException("@" + type.getSimpleName() + " is declared "
                    + found.size() + " times on " + where + " ("
                    + String.join(", ", found.stream().map(Declarations::how).sorted(DIRECT_FIRST).toList())
                    + "); declare it once per method or class");
        }
        return found.stream().findFirst();
    }

    private static final Comparator<String> DIRECT_FIRST =
            Comparator.comparing((String how) -> !how.equals("directly")).thenComparing(Comparator.naturalOrder());

    private static String how(Found found) {
        int via = found.declaredOn().indexOf(" via ");
        return via < 0 ? "directly" : found.declaredOn().substring(via + 1);
    }

    /** The annotations of a type on an element: declared directly, or meta-present through other annotations. */
    private static List<Found> on(AnnotatedElement element, Class<? extends Annotation> type, String where) {
        List<Found> found = new ArrayList<>();
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType() == type) {
                found.add(new Found(annotation, where));
            } else {
                meta(annotation.annotationType(), type, where + " via @" + annotation.annotationType().getSimpleName(),
                        new HashSet<>(), found);
            }
        }
        return found;
    }

    private static void meta(Class<? extends Annotation> composed, Class<? extends Annotation> type, String where,
                             Set<Class<?>> visited, List<Found> found) {
        if (!visited.add(composed) || composed.getName().startsWith("java.lang.annotation.")) {
            return;
        }
        for (Annotation annotation : composed.getDeclaredAnnotations()) {
            if (annotation.annotationType() == type) {
                found.add(new Found(annotation, where));
            } else {
                meta(annotation.annotationType(), type, where + " via @" + annotation.annotationType().getSimpleName(),
                        visited, found);
            }
        }
    }

    private static GateDeclaration declaration(Found found, String test, boolean check) {
        return gate(found.annotation(), onWithTest(found.declaredOn(), test), found.declaredOn(), null, check);
    }

    /**
     * Reads a gate annotation generically, so a new bound attribute only needs its metric in core.
     *
     * @param where      names the declaration in errors
     * @param declaredOn names it in the recorded result
     * @param scope      the endpoint a load test's gate applies to; null for the whole result
     * @param check      whether to reject a bound that does not parse, or a gate without any
     */
    static GateDeclaration gate(Annotation annotation, String where, String declaredOn, String scope, boolean check) {
        Class<? extends Annotation> type = annotation.annotationType();
        String name = type.getSimpleName();
        GateType gateType = GateType.fromDeclarationName(name);
        Map<String, String> bounds = new LinkedHashMap<>();
        Method[] attributes = type.getDeclaredMethods();
        Arrays.sort(attributes, Comparator.comparing(Method::getName));
        for (Method attribute : attributes) {
            if (attribute.getReturnType() != String.class || GATE_OPTIONS.contains(attribute.getName())) {
                continue;
            }
            String value = (String) value(annotation, attribute);
            if (value.isEmpty()) {
                continue;
            }
            String source = "@" + name + "(" + attribute.getName() + " = \"" + value + "\") on " + where;
            try {
                if (check) {
                    Metric.of(gateType, attribute.getName(), source).parseBound(value, source);
                }
            } catch (InvalidGateException e) {
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
            bounds.put(attribute.getName(), value);
        }
        if (check && bounds.isEmpty()) {
            throw new ExtensionConfigurationException("@" + name + " on " + where + " sets no bound; set at least one of "
                    + Metric.of(gateType).stream().map(Metric::attribute).toList());
        }
        Level level = (Level) value(annotation, "level");
        boolean allowInconclusive = (Boolean) value(annotation, "allowInconclusive");
        return new GateDeclaration(name, io.perfgate.core.gate.Level.valueOf(level.name()), allowInconclusive,
                declaredOn, bounds, scope);
    }

    private static WorkloadRequest workload(PerfTest perfTest, String declaredOn) {
        return new WorkloadRequest(perfTest.warmup(), perfTest.warmupInvocations(), perfTest.invocations(),
                perfTest.duration(), perfTest.threads(), perfTest.maxDuration(), "@PerfTest", declaredOn);
    }

    /** Where a declaration is, naming the test too when the declaration is not on the test method itself. */
    private static String onWithTest(String declaredOn, String test) {
        return declaredOn.startsWith(test) ? declaredOn : declaredOn + ", for " + test;
    }

    private static Object value(Annotation annotation, String attribute) {
        try {
            return value(annotation, annotation.annotationType().getMethod(attribute));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " has no " + attribute, e);
        }
    }

    private static Object value(Annotation annotation, Method attribute) {
        try {
            return attribute.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + attribute, e);
        }
    }

    /** The nearest {@code @PerfTest} of the test in this context, when one is declared. */
    static Optional<PerfTest> perfTest(ExtensionContext context) {
        return nearest(context, PerfTest.class).map(found -> (PerfTest) found.annotation());
    }
}
