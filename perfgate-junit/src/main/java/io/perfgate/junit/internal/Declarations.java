package io.perfgate.junit.internal;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.measure.WorkloadRequest;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.DeclarationSearch;
import io.perfgate.core.spec.GateAnnotations;
import io.perfgate.core.spec.GateSpec;
import io.perfgate.junit.DatabaseGate;
import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.MemoryGate;
import io.perfgate.junit.PerfTest;
import io.perfgate.junit.Setup;
import io.perfgate.junit.ThroughputGate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the gates and the workload that apply to a test. Per annotation type the nearest declaration wins:
 * the test method, then its class (and that class's superclasses and interfaces, the annotations being
 * {@code @Inherited}), then each enclosing class of a {@code @Nested} class, nearest first. Annotations count
 * when present directly or through meta-annotations (composed annotations). Two of the same type at the
 * same level are an error. Every bound is parsed here, so a bad one fails the test before anything runs.
 */
public final class Declarations {

    /** Every gate annotation; each one's simple name is its {@link GateType#declarationName()}. */
    public static final List<Class<? extends Annotation>> GATES =
            List.of(LatencyGate.class, ThroughputGate.class, ErrorRateGate.class, MemoryGate.class, DatabaseGate.class);

    /**
     * What applies to one test.
     *
     * @param workload the declared {@code @PerfTest}, or the defaults when there is none
     * @param memory   whether a memory gate asks for memory figures
     * @param leak     whether a memory gate bounds a leak (which adds the leak-detection phase)
     * @param database whether a database gate asks for what goes through wrapped DataSources
     * @param setup    when the lifecycle methods run: the declared {@code @PerfTest}'s, or once around the test
     */
    public record Resolved(List<GateSpec> specs, WorkloadRequest workload, boolean memory, boolean leak,
                           boolean database, Setup setup) {

        /** The gates as written to the result file. */
        public List<GateDeclaration> gates() {
            return specs.stream().map(GateSpec::declaration).toList();
        }
    }

    /** One annotation found at one level, and how it was reached. */
    private record Found(Annotation annotation, String declaredOn) {
    }

    private static final DeclarationSearch SEARCH = new DeclarationSearch(AnnotationSupport::findAnnotation);

    private Declarations() {
    }

    /**
     * The gates and workload of the test in this context, or empty when none is declared.
     *
     * @throws ExtensionConfigurationException for a duplicate declaration or a bad value, naming both
     */
    public static Optional<Resolved> resolve(ExtensionContext context) {
        String test = testLabel(context);
        List<GateSpec> gates = new ArrayList<>();
        for (Class<? extends Annotation> type : GATES) {
            nearest(context, type).ifPresent(found ->
                    gates.add(spec(found.annotation(), onWithTest(found.declaredOn(), test), found.declaredOn(), null)));
        }
        boolean memory = gates.stream().anyMatch(gate -> gate.type() == GateType.MEMORY);
        boolean leak = gates.stream().anyMatch(gate -> gate.bound(Metric.LEAK_PER_INVOCATION).isPresent()
                || gate.bound(Metric.LEAK_PER_HOUR).isPresent());
        boolean database = gates.stream().anyMatch(gate -> gate.type() == GateType.DATABASE);
        Optional<Found> perfTest = nearest(context, PerfTest.class);
        if (gates.isEmpty() && perfTest.isEmpty()) {
            return Optional.empty();
        }
        WorkloadRequest workload = perfTest
                .map(found -> workload((PerfTest) found.annotation(), onWithTest(found.declaredOn(), test)))
                .orElseGet(() -> WorkloadRequest.defaults(test));
        Setup setup = perfTest.map(found -> ((PerfTest) found.annotation()).setup()).orElse(Setup.PER_TEST);
        return Optional.of(new Resolved(gates, workload, memory, leak, database, setup));
    }

    /**
     * The gates of the test in this context as written, bounds unchecked: what a test whose declarations
     * {@link #resolve} rejects still records, so that {@code check} judges (and fails) them. A gate type declared
     * twice at one level is left out, having no single declaration to record.
     */
    public static List<GateDeclaration> asWritten(ExtensionContext context) {
        return asWritten(context.getRequiredTestMethod(), testLabel(context), classesOutward(context));
    }

    /**
     * The gates of a test method as written, found without an extension context (a test plan lists tests before
     * they run): the class, then the classes enclosing it, as JUnit nests {@code @Nested} classes.
     */
    public static List<GateDeclaration> asWritten(Class<?> testClass, Method method) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type = testClass; type != null; type = Modifier.isStatic(type.getModifiers()) ? null
                : type.getEnclosingClass()) {
            classes.add(type);
        }
        return asWritten(method, simpleName(testClass) + "#" + method.getName(), classes);
    }

    private static List<GateDeclaration> asWritten(Method method, String test, List<Class<?>> classesOutward) {
        List<GateDeclaration> gates = new ArrayList<>();
        for (Class<? extends Annotation> type : GATES) {
            try {
                SEARCH.nearest(method, test, classesOutward, type).ifPresent(found ->
                        gates.add(GateAnnotations.written(found.annotation(), found.declaredOn(), null)));
            } catch (InvalidGateException duplicate) {
                // the failure it caused is recorded as the reason nothing was measured
            }
        }
        return gates;
    }

    /** {@code OrderTest#create}: the class's name without its package, and the method. */
    public static String testLabel(ExtensionContext context) {
        return simpleName(context.getRequiredTestClass()) + "#" + context.getRequiredTestMethod().getName();
    }

    public static String simpleName(Class<?> type) {
        return DeclarationSearch.simpleName(type);
    }

    /** The nearest declaration, searched as the JMH reader searches, with JUnit's own meta-annotation lookup. */
    private static Optional<Found> nearest(ExtensionContext context, Class<? extends Annotation> type) {
        try {
            return SEARCH.nearest(context.getRequiredTestMethod(), testLabel(context), classesOutward(context), type)
                    .map(found -> new Found(found.annotation(), found.declaredOn()));
        } catch (InvalidGateException duplicate) {
            throw new ExtensionConfigurationException(duplicate.getMessage(), duplicate);
        }
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

    /**
     * Reads a gate annotation through core's {@link GateAnnotations}, as the JMH reader does, every bound parsed;
     * a bad one fails the test before anything runs.
     *
     * @param where      names the declaration in errors
     * @param declaredOn names it in the recorded result
     * @param scope      the endpoint a load test's gate applies to; null for the whole result
     */
    public static GateSpec spec(Annotation annotation, String where, String declaredOn, String scope) {
        try {
            return GateAnnotations.read(annotation, where, declaredOn, scope);
        } catch (InvalidGateException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static WorkloadRequest workload(PerfTest perfTest, String declaredOn) {
        return new WorkloadRequest(perfTest.warmup(), perfTest.warmupInvocations(), perfTest.invocations(),
                perfTest.duration(), perfTest.threads(), perfTest.maxDuration(), "@PerfTest", declaredOn);
    }

    /** Where a declaration is, naming the test too when the declaration is not on the test method itself. */
    private static String onWithTest(String declaredOn, String test) {
        return declaredOn.startsWith(test) ? declaredOn : declaredOn + ", for " + test;
    }
}
