package io.perfgate.core.jmh;

import io.perfgate.core.jmh.bench.RunnerBench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stale META-INF/BenchmarkList is detected, on a copy of RunnerBench as JMH's processor compiled it. */
class CompiledBenchmarksTest {
    private static final String BENCH = "io/perfgate/core/jmh/bench/";
    @TempDir
    Path testClasses;
    private List<String> list;

    @BeforeEach
    void copyTheCompiledBenchmark() throws Exception {
        Path compiled = Path.of(RunnerBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(compiled.resolve(BENCH))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = testClasses.resolve(compiled.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        list = Files.readAllLines(compiled.resolve(CompiledBenchmarks.BENCHMARK_LIST));
        writeList(list);
    }

    private void writeList(List<String> lines) throws IOException {
        Files.createDirectories(testClasses.resolve("META-INF"));
        Files.write(testClasses.resolve(CompiledBenchmarks.BENCHMARK_LIST), lines, StandardCharsets.UTF_8);
    }

    private Optional<String> staleness() throws Exception {
        URL jmh = org.openjdk.jmh.annotations.Benchmark.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{testClasses.toUri().toURL(), jmh},
                ClassLoader.getPlatformClassLoader())) {
            return CompiledBenchmarks.scan(testClasses).staleness(loader);
        }
    }

    @Test
    void aListMatchingTheCompiledClassesIsTrusted() throws Exception {
        CompiledBenchmarks compiled = CompiledBenchmarks.scan(testClasses);

        assertTrue(compiled.hasBenchmarkList());
        assertEquals(Optional.of(Path.of(BENCH + "RunnerBench.class")), compiled.firstAnnotatedClass(),
                "generated classes are not the user's benchmarks");
        assertEquals(Optional.empty(), staleness());
    }

    @Test
    void aBenchmarkMethodMissingFromTheListMakesItStale() throws Exception {
        writeList(list.stream().filter(line -> !line.contains(" S 7 failing ")).toList());

        assertEquals(Optional.of("io.perfgate.core.jmh.bench.RunnerBench.failing has a @Benchmark method that it"
                + " does not list"), staleness());
    }

    @Test
    void aListedBenchmarkWhoseClassOrMethodIsGoneMakesItStale() throws Exception {
        writeList(List.of(list.get(0).replace("S 38 io.perfgate.core.jmh.bench.RunnerBench ",
                "S 36 io.perfgate.core.jmh.bench.GoneBench ")));
        Optional<String> gone = staleness();
        writeList(List.of(list.get(0), list.get(1), list.get(1).replace(" S 7 failing ", " S 7 renamed ")));
        Optional<String> renamed = staleness();

        assertEquals(Optional.of("it lists io.perfgate.core.jmh.bench.GoneBench.multiply, whose class is no longer"
                + " compiled"), gone);
        assertEquals(Optional.of("it lists io.perfgate.core.jmh.bench.RunnerBench.renamed, which is no longer a"
                + " @Benchmark method"), renamed);
    }

    @Test
    void aBenchmarkClassCompiledLongAfterTheProcessorRanMakesItStale() throws Exception {
        Path benchmark = testClasses.resolve(BENCH + "RunnerBench.class");
        FileTime generated = Files.getLastModifiedTime(testClasses.resolve(BENCH + "jmh_generated/RunnerBench_jmhType.class"));
        Files.setLastModifiedTime(benchmark, FileTime.fromMillis(generated.toMillis() + 30_000));
        assertEquals(Optional.empty(), staleness(), "within one compilation's margin");

        Files.setLastModifiedTime(benchmark, FileTime.fromMillis(generated.toMillis() + 10 * 60_000));
        Optional<String> stale = staleness();

        assertTrue(stale.isPresent());
        assertTrue(stale.get().startsWith(Path.of(BENCH + "RunnerBench.class") + " was compiled after JMH's processor"
                + " last ran ("), stale.get());
    }

    @Test
    void aMalformedListIsNamed() {
        JmhResultException e = org.junit.jupiter.api.Assertions.assertThrows(JmhResultException.class,
                () -> BenchmarkListEntry.parse("JMH S 99 short", "BenchmarkList line 3"));
        assertEquals("BenchmarkList line 3: a string runs past the end of the line: JMH S 99 short", e.getMessage());
        assertFalse(BenchmarkListEntry.parse(list.get(0), "l").generatedClass().isEmpty());
        assertEquals("io.perfgate.core.jmh.bench.RunnerBench.multiply", BenchmarkListEntry.parse(list.get(0), "l").name());
    }
}
