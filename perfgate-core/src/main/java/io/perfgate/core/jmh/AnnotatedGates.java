package io.perfgate.core.jmh;

import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.GateAnnotations;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    public AnnotatedGates() {
        this(ANNOTATION_PACKAGE);
    }

    /** @param annotationPackage where the gate annotations live; tests use their own */
    public AnnotatedGates(String annotationPackage) {
        this.annotationPackage = annotationPackage;
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
     * The gate declarations on a benchmark, nearest first: the benchmark method's, its class's (with those
     * inherited through {@code @Inherited}), then each enclosing class's. For a {@code @Group} benchmark,
     * whose name is the group's rather than a method's, the method level is empty.
     */
    public List<List<GateDeclaration>> declaredOn(Class<?> benchmarkClass, String methodName) {
        List<List<GateDeclaration>> levels = new ArrayList<>();
        String simpleName = simpleName(benchmarkClass);
        List<GateDeclaration> onMethod = new ArrayList<>();
        benchmarkMethod(benchmarkClass, methodName).ifPresent(method -> collect(method.getAnnotations(),
                "method " + simpleName + "#" + methodName, new HashSet<>(), onMethod));
        levels.add(onMethod);
        for (Class<?> type = benchmarkClass; type != null; type = type.getEnclosingClass()) {
            List<GateDeclaration> onClass = new ArrayList<>();
            collect(type.getAnnotations(), "class " + simpleName(type), new HashSet<>(), onClass);
            levels.add(onClass);
        }
        return levels;
    }

    /** Gate annotations, directly present or meta-present on a composed annotation of the user's. */
    private void collect(Annotation[] annotations, String declaredOn, Set<Class<?>> visited,
                         List<GateDeclaration> found) {
        for (Annotation annotation : annotations) {
            Optional<GateDeclaration> gate = declaration(annotation, declaredOn);
            if (gate.isPresent()) {
                found.add(gate.get());
                continue;
            }
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.getName().startsWith("java.lang.annotation.") || !visited.add(type)) {
                continue;
            }
            String through = declaredOn.contains(" (through @") ? declaredOn
                    : declaredOn + " (through @" + type.getSimpleName() + ")";
            try {
                collect(type.getAnnotations(), through, visited, found);
            } catch (TypeNotPresentException | LinkageError e) {
                // an annotation whose own annotations are not on the class path carries no gate of ours
            }
        }
    }

    /** A gate annotation as a declaration; empty for every other annotation. */
    Optional<GateDeclaration> declaration(Annotation annotation, String declaredOn) {
        return GateAnnotations.typeOf(annotation.annotationType(), annotationPackage)
                .map(type -> GateAnnotations.written(annotation, declaredOn, null));
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
