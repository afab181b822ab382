package io.perfgate.core.spec;

import io.perfgate.core.gate.InvalidGateException;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a declaration applies from, for the JUnit extension and the JMH reader alike. Per annotation type the
 * nearest declaration wins: the method, then its class (then that class's superclasses, then their interfaces),
 * then each enclosing class, nearest first. An annotation counts when present directly or through a composed
 * annotation; two of one type at one place are an error.
 * <p>
 * Meta-annotations are looked up through a {@link MetaAnnotations} the caller gives: JUnit's
 * {@code AnnotationSupport::findAnnotation}, so both readers search as JUnit itself does, while core stays free
 * of JUnit types.
 */
public final class DeclarationSearch {

    /** Finds an annotation of a type on an element, directly or meta-present: JUnit's {@code AnnotationSupport::findAnnotation}. */
    @FunctionalInterface
    public interface MetaAnnotations {
        <A extends Annotation> Optional<A> find(AnnotatedElement element, Class<A> type);
    }

    /** An annotation found, and where, as messages and results name it: {@code class OrderTest via @Fast}. */
    public record Found<A extends Annotation>(A annotation, String declaredOn) {
    }

    private static final Comparator<String> DIRECT_FIRST =
            Comparator.comparing((String how) -> !how.equals("directly")).thenComparing(Comparator.naturalOrder());

    private final MetaAnnotations meta;
    private final Function<Class<?>, String> names;

    /** Names classes as Java does ({@code Outer$Inner}), as JUnit's test ids show them. */
    public DeclarationSearch(MetaAnnotations meta) {
        this(meta, DeclarationSearch::simpleName);
    }

    /** @param names how messages name a class: JMH benchmarks name nested classes {@code Outer.Inner} */
    public DeclarationSearch(MetaAnnotations meta, Function<Class<?>, String> names) {
        this.meta = meta;
        this.names = names;
    }

    /**
     * The nearest declaration of a type.
     *
     * @param method      the test or benchmark method; null when there is none (a JMH {@code @Group})
     * @param methodWhere how the method is named: {@code OrderTest#create}
     * @param classes     the method's class, then the classes enclosing it, nearest first
     * @throws InvalidGateException when one place declares the type twice, naming the place and how
     */
    public <A extends Annotation> Optional<Found<A>> nearest(Method method, String methodWhere, List<Class<?>> classes,
                                                             Class<A> type) {
        if (method != null) {
            Optional<Found<A>> onMethod = at(method, methodWhere, type);
            if (onMethod.isPresent()) {
                return onMethod;
            }
        }
        for (Class<?> enclosing : classes) {
            Optional<Found<A>> onClass = onClassOrSupertypes(enclosing, type);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    /** The class, its superclasses nearest first, then the interfaces of them all (where JUnit also finds extensions). */
    public <A extends Annotation> Optional<Found<A>> onClassOrSupertypes(Class<?> start, Class<A> type) {
        for (Class<?> current = start; current != null && current != Object.class; current = current.getSuperclass()) {
            Optional<Found<A>> found = at(current, "class " + names.apply(current), type);
            if (found.isPresent()) {
                return found;
            }
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> current = start; current != null; current = current.getSuperclass()) {
            interfaces.addAll(Arrays.asList(current.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> candidate = interfaces.removeFirst();
            if (!seen.add(candidate)) {
                continue;
            }
            Optional<Found<A>> found = at(candidate, "interface " + names.apply(candidate), type);
            if (found.isPresent()) {
                return found;
            }
            interfaces.addAll(Arrays.asList(candidate.getInterfaces()));
        }
        return Optional.empty();
    }

    /**
     * The declaration of a type at one place: directly, or through one of the place's own annotations.
     *
     * @throws InvalidGateException when there are two or more
     */
    public <A extends Annotation> Optional<Found<A>> at(AnnotatedElement element, String where, Class<A> type) {
        List<Found<A>> found = new ArrayList<>();
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            Class<? extends Annotation> annotationType = annotation.annotationType();
            if (annotationType == type) {
                found.add(new Found<>(type.cast(annotation), where));
            } else if (!annotationType.getName().startsWith("java.lang.annotation.")) {
                metaPresent(annotationType, type)
                        .ifPresent(gate -> found.add(new Found<>(gate, where + " via @" + annotationType.getSimpleName())));
            }
        }
        if (found.size() > 1) {
            throw new InvalidGateException("@" + type.getSimpleName() + " is declared " + found.size() + " times on "
                    + where + " (" + String.join(", ", found.stream().map(DeclarationSearch::how).sorted(DIRECT_FIRST)
                    .toList()) + "); declare it once per method or class");
        }
        return found.stream().findFirst();
    }

    private <A extends Annotation> Optional<A> metaPresent(Class<? extends Annotation> composed, Class<A> type) {
        try {
            return meta.find(composed, type);
        } catch (TypeNotPresentException | LinkageError e) {
            return Optional.empty(); // a composed annotation whose own annotations are not on the class path carries none of ours
        }
    }

    private static String how(Found<?> found) {
        int via = found.declaredOn().indexOf(" via ");
        return via < 0 ? "directly" : found.declaredOn().substring(via + 1);
    }

    /** The class's name without its package; nested classes keep their {@code $}. */
    public static String simpleName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
