package io.perfgate.core.jmh;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.DeclarationSearch;
import io.perfgate.core.spec.GateAnnotations;
import io.perfgate.core.spec.GateReader;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads perfgate's gate annotations ({@code @LatencyGate}, {@code @ThroughputGate}, {@code @MemoryGate}, ...)
 * from compiled benchmark classes, loaded in a class loader over the user's test class path. The annotation
 * types are the user's copies, not ours, so they are recognised by name and read by {@link GateAnnotations},
 * as the JUnit extension reads them.
 * Gates on the user's own composed annotations ({@code @FastPath} annotated with {@code @LatencyGate}) count
 * as declared where the composed annotation is.
 */
public final class AnnotatedGates {
    /** The package of the public gate annotations. */
    public static final String ANNOTATION_PACKAGE = GateAnnotations.PACKAGE;
    private static final String BENCHMARK_ANNOTATION = "org.openjdk.jmh.annotations.Benchmark";

    private final String annotationPackage;
    private final DeclarationSearch search;

    /** @param meta JUnit's {@code AnnotationSupport::findAnnotation}, as the JUnit extension searches with */
    public AnnotatedGates(DeclarationSearch.MetaAnnotations meta) {
        this(ANNOTATION_PACKAGE, meta);
    }

    /** @param annotationPackage where the gate annotations live; tests use their own */
    public AnnotatedGates(String annotationPackage, DeclarationSearch.MetaAnnotations meta) {
        this.annotationPackage = annotationPackage;
        this.search = new DeclarationSearch(meta, AnnotatedGates::simpleName);
    }

    /**
     * Loads a benchmark's class by JMH's name for it ({@code com.acme.Outer.Inner.method} names the nested
     * class {@code com.acme.Outer$Inner}), without initialising it.
     *
     * @return empty when no such class is on the class path
     */
    public static Optional<Class<?>> benchmarkClass(String benchmark, ClassLoader loader) {
        int lastDot = benchmark.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String name = benchmark.substring(0, lastDot);
        while (true) {
            try {
                return Optional.of(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }

    /**
     * The gate declarations on a benchmark, nearest first: the benchmark method's, its class's (or, per kind of
     * gate, its nearest superclass's or interface's), then each enclosing class's. For a {@code @Group} benchmark,
     * whose name is the group's rather than a method's, the method level is empty.
     *
     * @throws InvalidGateException when one place declares a kind of gate twice, or a bound does not parse,
     *                              worded as the JUnit extension words them
     */
    public List<List<GateDeclaration>> declaredOn(Class<?> benchmarkClass, String methodName) {
        List<Class<? extends Annotation>> gateTypes = gateTypes(benchmarkClass.getClassLoader());
        List<List<GateDeclaration>> levels = new ArrayList<>();
        List<GateDeclaration> onMethod = new ArrayList<>();
        Optional<Method> method = benchmarkMethod(benchmarkClass, methodName);
        String where = "method " + simpleName(benchmarkClass) + "#" + methodName;
        for (Class<? extends Annotation> type : gateTypes) {
            method.flatMap(found -> search.at(found, where, type)).ifPresent(found -> onMethod.add(written(found)));
        }
        levels.add(onMethod);
        for (Class<?> type = benchmarkClass; type != null; type = type.getEnclosingClass()) {
            List<GateDeclaration> onClass = new ArrayList<>();
            for (Class<? extends Annotation> gateType : gateTypes) {
                search.onClassOrSupertypes(type, gateType).ifPresent(found -> onClass.add(written(found)));
            }
            levels.add(onClass);
        }
        return levels;
    }

    /** The gate annotation types as the benchmark's class loader has them, in the order of {@link GateType}. */
    private List<Class<? extends Annotation>> gateTypes(ClassLoader loader) {
        List<Class<? extends Annotation>> types = new ArrayList<>();
        for (GateType gate : GateType.values()) {
            try {
                Class<?> type = Class.forName(annotationPackage + "." + gate.declarationName(), false, loader);
                if (type.isAnnotation()) {
                    types.add(type.asSubclass(Annotation.class));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not on the benchmarks' class path: nothing declares it
            }
        }
        return types;
    }

    /**
     * Read as the JUnit extension reads it: a bound that does not parse stops {@code perfgate:jmh}, naming it.
     * {@code params} selects runs and is no bound, so it is kept in the written form and left out of that check.
     */
    private static GateDeclaration written(DeclarationSearch.Found<? extends Annotation> found) {
        GateDeclaration declaration = GateAnnotations.written(found.annotation(), found.declaredOn(), null);
        GateReader.read(BenchmarkGates.withoutSelector(declaration), found.declaredOn());
        return declaration;
    }

    private static Optional<Method> benchmarkMethod(Class<?> type, String name) {
        List<Method> candidates = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                if (method.getName().equals(name)) {
                    candidates.add(method);
                }
            }
        }
        return candidates.stream()
                .filter(method -> Arrays.stream(method.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().getName().equals(BENCHMARK_ANNOTATION)))
                .findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    private static String simpleName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
}
