package io.perfgate.core.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Watches JMH's console output for benchmarks that failed. JMH (without {@code -foe}) prints
 * {@code <failure>} and the stack trace when a benchmark throws, or {@code <forked VM failed with exit
 * code N>} when its JVM dies, then carries on with the next benchmark; the exit code stays 0 and the
 * JSON simply lacks the benchmark, or holds the iterations measured before the failure. The current
 * benchmark, mode and parameters come from the header JMH prints before each run.
 */
public final class JmhOutputMonitor implements Consumer<String> {
    private static final String FORK_FAILED = "<forked VM failed with exit code ";

    private BenchmarkMode mode;
    private String benchmark;
    private String params = "";
    private Pending pending;
    private final Map<String, BenchmarkFailure> failures = new LinkedHashMap<>();

    @Override
    public void accept(String line) {
        if (line == null) {
            return;
        }
        if (pending != null) {
            if (!pending.take(line)) {
                return;
            }
            // complete; the line may already be the next header, so it is read as usual below
            record(pending);
            pending = null;
        }
        if (line.startsWith("# Benchmark mode: ")) {
            mode = BenchmarkMode.ofLongLabel(line.substring("# Benchmark mode: ".length()).strip()).orElse(null);
        } else if (line.startsWith("# Benchmark: ")) {
            flush();
            benchmark = line.substring("# Benchmark: ".length()).strip();
            params = "";
        } else if (line.startsWith("# Parameters: (") && line.endsWith(")")) {
            params = line.substring("# Parameters: (".length(), line.length() - 1);
        } else if (line.contains("<failure>") && benchmark != null) {
            flush();
            pending = new Pending(benchmark, mode, params, null);
        } else if (line.startsWith(FORK_FAILED) && benchmark != null) {
            flush();
            String code = line.substring(FORK_FAILED.length()).replace(">", "").strip();
            record(new Pending(benchmark, mode, params, "its forked JVM exited with code " + code
                    + " (System.exit, a crash or an OutOfMemoryError)"));
        }
    }

    /** The failures seen so far, one per benchmark, mode and parameter set, in the order they happened. */
    public List<BenchmarkFailure> failures() {
        flush();
        return new ArrayList<>(failures.values());
    }

    private void flush() {
        if (pending != null) {
            record(pending);
            pending = null;
        }
    }

    private void record(Pending failure) {
        String cause = failure.cause == null ? "it threw (see JMH's output for the stack trace)"
                : failure.cause + (failure.frame == null ? "" : " (" + failure.frame + ")");
        BenchmarkFailure found = new BenchmarkFailure(failure.benchmark, failure.mode, failure.params,
                parseConsoleParams(failure.params), cause);
        failures.putIfAbsent(found.key(), found);
    }

    /** Parameters as JMH's console prints them: {@code size = 10, codec = json}. */
    public static String consoleParams(Map<String, String> params) {
        return params.entrySet().stream().map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Best effort: a value that itself contains ", " cannot be told apart from the next parameter. */
    static Map<String, String> parseConsoleParams(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return params;
        }
        String lastKey = null;
        for (String part : text.split(", ")) {
            int equals = part.indexOf(" = ");
            if (equals < 0 && lastKey != null) {
                params.put(lastKey, params.get(lastKey) + ", " + part);
            } else if (equals >= 0) {
                lastKey = part.substring(0, equals);
                params.put(lastKey, part.substring(equals + 3));
            }
        }
        return params;
    }

    /** A failure whose cause is still being read: the exception line after {@code <failure>}, then its first frame. */
    private static final class Pending {
        final String benchmark;
        final BenchmarkMode mode;
        final String params;
        String cause;
        String frame;

        Pending(String benchmark, BenchmarkMode mode, String params, String cause) {
            this.benchmark = benchmark;
            this.mode = mode;
            this.params = params;
            this.cause = cause;
        }

        /** Takes a line of the stack trace; true once the failure is complete. */
        boolean take(String line) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                return cause != null;
            }
            if (cause == null) {
                if (stripped.startsWith("#") || stripped.startsWith("<")) {
                    return true;
                }
                cause = stripped;
                return false;
            }
            if (stripped.startsWith("at ")) {
                frame = stripped;
            }
            return true;
        }
    }

    /**
     * A benchmark run that JMH reported as failed.
     *
     * @param consoleParams the parameters as JMH printed them ({@code size = 10}); empty without parameters
     * @param params        the same, parsed
     * @param cause         the exception and its first frame, or what happened to the forked JVM
     */
    public record BenchmarkFailure(String benchmark, BenchmarkMode mode, String consoleParams,
                                   Map<String, String> params, String cause) {

        /** Identifies the run: the same for a failure and for the JSON entry of the same benchmark, mode and parameters. */
        public String key() {
            return key(benchmark, mode, consoleParams);
        }

        static String key(String benchmark, BenchmarkMode mode, String consoleParams) {
            return benchmark + "|" + (mode == null ? "?" : mode.shortLabel()) + "|" + consoleParams;
        }
    }
}
