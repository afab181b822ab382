package io.perfgate.core.result;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a result file must hold to be judged: figures a recorder can produce. A hand-edited or damaged file with
 * negative counts or durations, more errors than invocations, non-finite numbers or a malformed schema version
 * would otherwise be judged as if measured (a negative error count passes every error-rate gate), so it is a
 * named error instead. Every problem found is listed, each with its field path and value.
 */
final class ResultValidation {
    /** {@code major.minor}, both non-negative integers; a newer minor may add fields. */
    private static final Pattern SCHEMA_VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}");

    private final List<String> problems = new ArrayList<>();

    private ResultValidation() {
    }

    /** Whether the schema version reads as {@code major.minor} with non-negative numbers. */
    static boolean wellFormedVersion(String version) {
        return version != null && SCHEMA_VERSION.matcher(version).matches();
    }

    /**
     * @throws ResultFileException naming the file and every impossible figure in it
     */
    static void check(TestResult result, Path file) {
        ResultValidation validation = new ResultValidation();
        validation.result(result);
        if (!validation.problems.isEmpty()) {
            throw new ResultFileException(file, "not a valid perfgate result: " + String.join("; ", validation.problems)
                    + " (no recorder writes such figures: the file was edited or damaged)", null);
        }
    }

    private void result(TestResult result) {
        if (result.workload() != null) {
            Workload workload = result.workload();
            notNegative("workload.warmupInvocations", workload.warmupInvocations());
            notNegative("workload.warmupNanos", workload.warmupNanos());
            notNegative("workload.invocations", workload.invocations());
            notNegative("workload.durationNanos", workload.durationNanos());
            notNegative("workload.threads", workload.threads());
            notNegative("workload.maxDurationNanos", workload.maxDurationNanos());
        }
        measurement("measurement", result.measurement());
        if (result.endpoints() != null) {
            new TreeMap<>(result.endpoints()).forEach((endpoint, measurement) ->
                    measurement("endpoints[" + endpoint + "]", measurement));
        }
        BenchmarkDetails benchmark = result.benchmark();
        if (benchmark != null) {
            notNegative("benchmark.threads", benchmark.threads());
            notNegative("benchmark.forks", benchmark.forks());
            notNegative("benchmark.warmupIterations", benchmark.warmupIterations());
            notNegative("benchmark.measurementIterations", benchmark.measurementIterations());
            finite("benchmark.score", benchmark.score());
            finiteNotNegative("benchmark.scoreError", benchmark.scoreError());
            finiteNotNegative("benchmark.allocationPerOperation", benchmark.allocationPerOperation());
            finiteNotNegative("benchmark.allocationError", benchmark.allocationError());
            finiteNotNegative("benchmark.worstIterationScore", benchmark.worstIterationScore());
        }
    }

    private void measurement(String path, Measurement measurement) {
        if (measurement == null) {
            return;
        }
        counts(path, measurement.invocations(), measurement.errors());
        notNegative(path + ".durationNanos", measurement.durationNanos());
        long byKind = 0;
        for (Map.Entry<String, Long> kind : new TreeMap<>(measurement.errorsByKind()).entrySet()) {
            if (kind.getValue() == null) {
                problems.add(path + ".errorsByKind[" + kind.getKey() + "] has no count");
            } else {
                notNegative(path + ".errorsByKind[" + kind.getKey() + "]", kind.getValue());
                byKind += Math.max(0, kind.getValue());
            }
        }
        if (byKind > Math.max(0, measurement.errors())) {
            problems.add(path + ".errorsByKind adds up to " + byKind + ", more than " + path + ".errors = "
                    + measurement.errors());
        }
        for (int i = 0; i < measurement.rounds().size(); i++) {
            Round round = measurement.rounds().get(i);
            String at = path + ".rounds[" + i + "]";
            if (round == null) {
                problems.add(at + " is null");
                continue;
            }
            counts(at, round.invocations(), round.errors());
            notNegative(at + ".durationNanos", round.durationNanos());
            finite(at + ".score", round.score());
        }
        memory(path + ".memory", measurement.memory());
        database(path + ".database", measurement.database());
    }

    private void memory(String path, MemoryMeasurement memory) {
        if (memory == null) {
            return;
        }
        notNegative(path + ".heapAfterGcBytes", memory.heapAfterGcBytes());
        finiteNotNegative(path + ".allocatedBytesPerInvocation", memory.allocatedBytesPerInvocation());
        notNegative(path + ".gcPauseMaxNanos", memory.gcPauseMaxNanos());
        notNegative(path + ".gcTimeNanos", memory.gcTimeNanos());
        notNegative(path + ".gcCount", memory.gcCount());
        if (memory.heapTrend() != null) {
            List<HeapSample> samples = memory.heapTrend().samples();
            for (int i = 0; i < samples.size(); i++) {
                HeapSample sample = samples.get(i);
                String at = path + ".heapTrend.samples[" + i + "]";
                if (sample == null) {
                    problems.add(at + " is null");
                    continue;
                }
                notNegative(at + ".invocations", sample.invocations());
                notNegative(at + ".measuredNanos", sample.measuredNanos());
                notNegative(at + ".heapAfterGcBytes", sample.heapAfterGcBytes());
            }
        }
    }

    private void database(String path, DatabaseMeasurement database) {
        if (database == null) {
            return;
        }
        counts(path + ".statement", database.statements(), database.statementErrors(), "s", "Errors");
        notNegative(path + ".commits", database.commits());
        notNegative(path + ".rollbacks", database.rollbacks());
        notNegative(path + ".autoCommitStatements", database.autoCommitStatements());
        counts(path + ".connection", database.connectionRequests(), database.connectionsWithin1ms(),
                "Requests", "sWithin1ms");
        notNegative(path + ".deadlocks", database.deadlocks());
        notNegative(path + ".invocations", database.invocations());
        notNegative(path + ".statementsInInvocations", database.statementsInInvocations());
        notNegative(path + ".maxStatementsPerInvocation", database.maxStatementsPerInvocation());
    }

    /** Invocations and errors: neither negative, errors at most the invocations. */
    private void counts(String path, long invocations, long errors) {
        counts(path + ".", invocations, errors, "invocations", "errors");
    }

    private void counts(String prefix, long total, long part, String totalName, String partName) {
        boolean valid = notNegative(prefix + totalName, total) & notNegative(prefix + partName, part);
        if (valid && part > total) {
            problems.add(prefix + partName + " = " + part + " exceeds " + prefix + totalName + " = " + total);
        }
    }

    private boolean notNegative(String path, Number value) {
        if (value != null && value.longValue() < 0) {
            problems.add(path + " = " + value + " is negative");
            return false;
        }
        return true;
    }

    private boolean finite(String path, Double value) {
        if (value != null && !Double.isFinite(value)) {
            problems.add(path + " = " + value + " is not a finite number");
            return false;
        }
        return true;
    }

    private void finiteNotNegative(String path, Double value) {
        if (finite(path, value) && value != null && value < 0) {
            problems.add(path + " = " + value + " is negative");
        }
    }
}
