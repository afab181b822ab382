package io.perfgate.core.jmh;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmarks compiled into a test-classes directory, and whether JMH's {@code META-INF/BenchmarkList}
 * still describes them. JMH runs what the list names, so a list left from an earlier compilation (a
 * benchmark added, removed or changed since, by a compilation that skipped JMH's processor) would run old
 * benchmarks, or none, without a word. The list is stale when:
 * <ul>
 *   <li>it names a benchmark whose class or {@code @Benchmark} method no longer exists;</li>
 *   <li>a compiled {@code @Benchmark} method is missing from it;</li>
 *   <li>a benchmark's class file is newer than every class JMH's processor generated (plus a margin for the
 *       length of the compilation): the class was compiled again without the processor.</li>
 * </ul>
 */
public final class CompiledBenchmarks {
    /** JMH's list of benchmarks, written by its annotation processor. */
    public static final String BENCHMARK_LIST = "META-INF/BenchmarkList";
    private static final byte[] BENCHMARK_DESCRIPTOR =
            "Lorg/openjdk/jmh/annotations/Benchmark;".getBytes(StandardCharsets.US_ASCII);
    private static final String BENCHMARK = "org.openjdk.jmh.annotations.Benchmark";
    private static final String GROUP = "org.openjdk.jmh.annotations.Group";
    private static final String GENERATED_PACKAGE = "jmh_generated";
    /** Javac writes a processor's output and the classes of one compilation within this of each other. */
    static final long COMPILATION_MARGIN_MILLIS = 60_000;

    private final Path testClasses;
    private final List<Path> annotated;

    private CompiledBenchmarks(Path testClasses, List<Path> annotated) {
        this.testClasses = testClasses;
        this.annotated = List.copyOf(annotated);
    }

    /** Finds the compiled classes with {@code @Benchmark} methods: the annotation is in their constant pool. */
    public static CompiledBenchmarks scan(Path testClasses) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                if (!isGenerated(testClasses.relativize(file)) && contains(Files.readAllBytes(file))) {
                    found.add(file);
                }
            }
        }
        return new CompiledBenchmarks(testClasses, found);
    }

    /** The first class file with {@code @Benchmark} methods, relative to the test classes. */
    public Optional<Path> firstAnnotatedClass() {
        return annotated.stream().findFirst().map(testClasses::relativize);
    }

    public boolean hasBenchmarkList() {
        return Files.isRegularFile(testClasses.resolve(BENCHMARK_LIST));
    }

    /**
     * Why the list does not describe the compiled benchmarks; empty when it does.
     *
     * @param loader loads the test classes (with JMH's annotations), without initialising them
     */
    public Optional<String> staleness(ClassLoader loader) throws IOException {
        List<BenchmarkListEntry> entries = BenchmarkListEntry.read(testClasses.resolve(BENCHMARK_LIST));
        Set<String> listed = new LinkedHashSet<>();
        Set<Class<?>> listedClasses = new LinkedHashSet<>();
        for (BenchmarkListEntry entry : entries) {
            listed.add(entry.name());
            Optional<Class<?>> type = AnnotatedGates.benchmarkClass(entry.name(), loader);
            if (type.isEmpty()) {
                return Optional.of("it lists " + entry.name() + ", whose class is no longer compiled");
            }
            if (benchmarkNames(type.get(), true).stream().noneMatch(entry.method()::equals)) {
                return Optional.of("it lists " + entry.name() + ", which is no longer a @Benchmark method");
            }
            listedClasses.add(type.get());
        }
        for (Path file : annotated) {
            String binaryName = binaryName(testClasses.relativize(file));
            Class<?> type;
            try {
                type = Class.forName(binaryName, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // not loadable: nothing JMH could run either
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue; // JMH lists the concrete subclasses
            }
            for (String method : benchmarkNames(type, false)) {
                String name = type.getCanonicalName() + "." + method;
                if (!listed.contains(name)) {
                    return Optional.of(name + " has a @Benchmark method that it does not list");
                }
            }
        }
        Optional<FileTime> generated = newestGeneratedClass();
        if (generated.isPresent()) {
            for (Class<?> type : listedClasses) {
                Path classFile = testClasses.resolve(type.getName().replace('.', '/') + ".class");
                if (Files.isRegularFile(classFile) && Files.getLastModifiedTime(classFile).toMillis()
                        > generated.get().toMillis() + COMPILATION_MARGIN_MILLIS) {
                    return Optional.of(testClasses.relativize(classFile) + " was compiled after JMH's processor"
                            + " last ran (" + Files.getLastModifiedTime(classFile) + ", its generated classes "
                            + generated.get() + "), so its @Benchmark, @Param or @BenchmarkMode may have changed");
                }
            }
        }
        return Optional.empty();
    }

    /** The names JMH gives the benchmarks of a class: the method's, or its {@code @Group}'s. */
    private static Set<String> benchmarkNames(Class<?> type, boolean inherited) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> current = type; current != null && current != Object.class;
             current = inherited ? current.getSuperclass() : null) {
            for (Method method : current.getDeclaredMethods()) {
                Annotation benchmark = annotation(method, BENCHMARK);
                if (benchmark != null) {
                    Annotation group = annotation(method, GROUP);
                    names.add(group == null ? method.getName() : groupName(group, method.getName()));
                }
            }
        }
        return names;
    }

    private static Annotation annotation(Method method, String name) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().equals(name)) {
                return annotation;
            }
        }
        return null;
    }

    private static String groupName(Annotation group, String fallback) {
        try {
            Object value = group.annotationType().getMethod("value").invoke(group);
            return value instanceof String text && !text.isEmpty() ? text : fallback;
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }

    private Optional<FileTime> newestGeneratedClass() throws IOException {
        try (Stream<Path> files = Files.walk(testClasses)) {
            FileTime newest = null;
            for (Path file : files.filter(path -> path.toString().endsWith(".class")
                    && isGenerated(testClasses.relativize(path))).toList()) {
                FileTime time = Files.getLastModifiedTime(file);
                newest = newest == null || time.compareTo(newest) > 0 ? time : newest;
            }
            return Optional.ofNullable(newest);
        }
    }

    private static boolean isGenerated(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().equals(GENERATED_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    private static String binaryName(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static boolean contains(byte[] haystack) {
        outer:
        for (int start = 0; start <= haystack.length - BENCHMARK_DESCRIPTOR.length; start++) {
            for (int offset = 0; offset < BENCHMARK_DESCRIPTOR.length; offset++) {
                if (haystack[start + offset] != BENCHMARK_DESCRIPTOR[offset]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
