package io.perfgate.core.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The arguments of JMH's launcher ({@code org.openjdk.jmh.Main}) for listing and for running benchmarks.
 * JMH cannot run inside Maven's JVM (its forks are started from {@code java.class.path}), so it is always
 * run in a JVM of its own on the test class path.
 *
 * @param includes regular expressions JMH matches against benchmark names (anywhere in the name); empty runs all
 * @param excludes regular expressions of benchmarks to leave out
 * @param params   {@code @Param} values to run with only (JMH's {@code -p name=value}); empty runs every value
 * @param mode     the only mode to run (JMH's {@code -bm}); null runs the benchmarks' own modes
 */
public record JmhCommand(List<String> includes, List<String> excludes, Map<String, String> params,
                         BenchmarkMode mode) {

    /** JMH's command-line entry point. */
    public static final String MAIN_CLASS = "org.openjdk.jmh.Main";
    /** The profiler that measures allocation per operation. */
    public static final String GC_PROFILER = "gc";

    public JmhCommand {
        includes = clean(includes, "include");
        excludes = clean(excludes, "exclude");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        params.forEach((name, value) -> {
            if (value.contains(",")) {
                throw new IllegalArgumentException("@Param " + name + " = '" + value + "' contains ',', which JMH's"
                        + " -p reads as a separator between values; it cannot be run on its own");
            }
        });
    }

    /** The benchmarks the patterns select, in their own modes and with all their {@code @Param} values. */
    public JmhCommand(List<String> includes, List<String> excludes) {
        this(includes, excludes, Map.of(), null);
    }

    /**
     * Runs exactly one benchmark (its full name, not a pattern), in one mode, with one parameter set.
     *
     * @throws IllegalArgumentException when a parameter value contains a comma, which {@code -p} cannot pass
     */
    public static JmhCommand only(String benchmark, BenchmarkMode mode, Map<String, String> params) {
        return new JmhCommand(List.of("^" + Pattern.quote(benchmark) + "$"), List.of(), params, mode);
    }

    /** Arguments that list the selected benchmarks ({@code -l}) without running them. */
    public List<String> listArguments() {
        List<String> arguments = selection();
        arguments.add("-l");
        return arguments;
    }

    /**
     * Arguments that run the selected benchmarks and write JSON.
     *
     * @param gcProfiler     whether to add {@code -prof gc} (needed to gate allocation)
     * @param jvmArgsAppend  options added to each forked benchmark JVM; may be empty
     */
    public List<String> runArguments(JmhSettings settings, boolean gcProfiler, Path resultFile,
                                     List<String> jvmArgsAppend) {
        List<String> arguments = selection();
        arguments.addAll(List.of("-rf", "json", "-rff", resultFile.toAbsolutePath().toString()));
        arguments.addAll(settings.arguments());
        if (gcProfiler) {
            arguments.addAll(List.of("-prof", GC_PROFILER));
        }
        if (jvmArgsAppend != null && !jvmArgsAppend.isEmpty()) {
            arguments.add("-jvmArgsAppend");
            arguments.add(String.join(" ", jvmArgsAppend));
        }
        return arguments;
    }

    /** Whether a benchmark is selected, matching as JMH does (a regex found anywhere in the name). */
    public boolean selects(String benchmark) {
        boolean included = includes.isEmpty()
                || includes.stream().anyMatch(regex -> Pattern.compile(regex).matcher(benchmark).find());
        return included && excludes.stream().noneMatch(regex -> Pattern.compile(regex).matcher(benchmark).find());
    }

    /** The benchmark names JMH printed for {@code -l}: the lines after "Benchmarks:", each once (JMH lists one per mode). */
    public static List<String> parseList(List<String> output) {
        java.util.Set<String> benchmarks = new java.util.LinkedHashSet<>();
        boolean listing = false;
        for (String line : output) {
            String stripped = line.strip();
            if (stripped.startsWith("Benchmarks:")) {
                listing = true;
            } else if (listing && !stripped.isEmpty()) {
                benchmarks.add(stripped);
            }
        }
        return List.copyOf(benchmarks);
    }

    private List<String> selection() {
        List<String> arguments = new ArrayList<>(includes);
        if (!excludes.isEmpty()) {
            arguments.add("-e");
            arguments.add(String.join(",", excludes));
        }
        params.forEach((name, value) -> {
            arguments.add("-p");
            arguments.add(name + "=" + value);
        });
        if (mode != null) {
            arguments.add("-bm");
            arguments.add(mode.shortLabel());
        }
        return arguments;
    }

    private static List<String> clean(List<String> patterns, String what) {
        if (patterns == null) {
            return List.of();
        }
        List<String> cleaned = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                continue;
            }
            String stripped = pattern.strip();
            try {
                Pattern.compile(stripped);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(what + " '" + pattern + "' is not a regular expression: "
                        + e.getDescription());
            }
            if (stripped.startsWith("-")) {
                throw new IllegalArgumentException(what + " '" + pattern + "' starts with '-', which JMH would read"
                        + " as an option; write it as [-]...");
            }
            if ("exclude".equals(what) && stripped.contains(",")) {
                throw new IllegalArgumentException("exclude '" + pattern + "' contains ',', which JMH reads as a"
                        + " separator; give each pattern its own <exclude>");
            }
            cleaned.add(stripped);
        }
        return List.copyOf(cleaned);
    }
}
