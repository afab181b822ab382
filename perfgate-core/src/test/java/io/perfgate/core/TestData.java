package io.perfgate.core;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Builders for results and histograms with fixed content, shared by the tests. */
public final class TestData {
    public static final Instant STARTED = Instant.parse("2025-01-15T10:30:00Z");
    public static final Environment ENVIRONMENT = new Environment("17.0.12", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM",
            "Linux", "amd64", 2, "Test CPU @ 2.00GHz", 512L * 1024 * 1024, List.of("-Xmx512m"), false);
    public static final Workload WORKLOAD = new Workload("standard", 100, 0, 1200, 0, 1, 60_000_000_000L);

    private TestData() {
    }

    /** A histogram holding each value once. */
    public static LatencyHistogram histogram(long... nanos) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long value : nanos) {
            histogram.record(value);
        }
        return histogram;
    }

    /** A histogram with {@code count} copies of a value added to another. */
    public static LatencyHistogram repeat(LatencyHistogram histogram, long nanos, int count) {
        for (int i = 0; i < count; i++) {
            histogram.record(nanos);
        }
        return histogram;
    }

    /** Exponentially distributed samples from a seeded generator: the same histogram on every run. */
    public static LatencyHistogram exponential(long seed, int count, double meanNanos) {
        Random random = new Random(seed);
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < count; i++) {
            histogram.record(Math.round(-meanNanos * Math.log(1 - random.nextDouble())));
        }
        return histogram;
    }

    public static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }

    public static GateDeclaration gate(String gate, String... attributeBoundPairs) {
        return gate(gate, Level.BLOCKING, attributeBoundPairs);
    }

    public static GateDeclaration gate(String gate, Level level, String... attributeBoundPairs) {
        return new GateDeclaration(gate, level, false, "method OrderApiPerfTest#createOrder",
                bounds(attributeBoundPairs), null);
    }

    public static Map<String, String> bounds(String... attributeBoundPairs) {
        Map<String, String> bounds = new LinkedHashMap<>();
        for (int i = 0; i < attributeBoundPairs.length; i += 2) {
            bounds.put(attributeBoundPairs[i], attributeBoundPairs[i + 1]);
        }
        return bounds;
    }

    public static Measurement measurement(LatencyHistogram histogram, long errors, String firstError, long durationNanos) {
        return new Measurement(histogram.count() + errors, errors,
                errors == 0 ? Map.of() : Map.of("java.lang.IllegalStateException", errors), firstError,
                durationNanos, histogram.encode(), null, null, List.of());
    }

    public static Measurement withMemory(Measurement measurement, MemoryMeasurement memory) {
        return new Measurement(measurement.invocations(), measurement.errors(), measurement.errorsByKind(),
                measurement.firstError(), measurement.durationNanos(), measurement.latencyHistogram(), memory,
                measurement.behindSchedule(), measurement.rounds());
    }

    public static Measurement behindSchedule(Measurement measurement, String why) {
        return new Measurement(measurement.invocations(), measurement.errors(), measurement.errorsByKind(),
                measurement.firstError(), measurement.durationNanos(), measurement.latencyHistogram(),
                measurement.memory(), why, measurement.rounds());
    }

    /** A completed JUnit result of {@code com.example.<simpleClass>#<method>}. */
    public static TestResult completed(String simpleClass, String method, String displayName,
                                       Measurement measurement, GateDeclaration... gates) {
        return declared(simpleClass, method, displayName, gates).completed(measurement);
    }

    public static TestResult completed(Measurement measurement, GateDeclaration... gates) {
        return completed("OrderApiPerfTest", "createOrder", "createOrder()", measurement, gates);
    }

    public static TestResult declared(String simpleClass, String method, String displayName, GateDeclaration... gates) {
        String className = "com.example." + simpleClass;
        String id = "[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "()]"
                + (displayName.startsWith(method) ? "" : "/[invocation:" + displayName.hashCode() + "]");
        return TestResult.declared(ResultKind.JUNIT, id, className, method, displayName, List.of(gates), WORKLOAD)
                .withEnvironment(ENVIRONMENT).withStartedAt(STARTED);
    }

    /** Runs an action with another default locale, restoring the old one. */
    public static void withDefaultLocale(Locale locale, Runnable action) {
        Locale previous = Locale.getDefault();
        Locale previousFormat = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(locale);
            action.run();
        } finally {
            Locale.setDefault(previous);
            Locale.setDefault(Locale.Category.FORMAT, previousFormat);
        }
    }
}
