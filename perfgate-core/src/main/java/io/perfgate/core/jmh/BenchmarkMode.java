package io.perfgate.core.jmh;

import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Metric;

import java.util.Arrays;
import java.util.Optional;

/** JMH's benchmark modes, by the labels JMH writes in its JSON ({@code thrpt}) and its console ({@code Throughput, ops/time}). */
public enum BenchmarkMode {
    THROUGHPUT("thrpt", "Throughput, ops/time", "Mode.Throughput"),
    AVERAGE_TIME("avgt", "Average time, time/op", "Mode.AverageTime"),
    SAMPLE_TIME("sample", "Sampling time", "Mode.SampleTime"),
    SINGLE_SHOT_TIME("ss", "Single shot invocation time", "Mode.SingleShotTime");

    private final String shortLabel;
    private final String longLabel;
    private final String annotation;

    BenchmarkMode(String shortLabel, String longLabel, String annotation) {
        this.shortLabel = shortLabel;
        this.longLabel = longLabel;
        this.annotation = annotation;
    }

    public String shortLabel() {
        return shortLabel;
    }

    /** JMH's name of the mode ({@code SampleTime}), as in its benchmark ids. */
    public String jmhName() {
        return annotation.substring("Mode.".length());
    }

    /** How users select it: {@code Mode.SampleTime}. */
    public String annotation() {
        return annotation;
    }

    public static Optional<BenchmarkMode> ofShortLabel(String label) {
        return Arrays.stream(values()).filter(mode -> mode.shortLabel.equals(label)).findFirst();
    }

    public static Optional<BenchmarkMode> ofLongLabel(String label) {
        return Arrays.stream(values()).filter(mode -> mode.longLabel.equals(label)).findFirst();
    }

    /**
     * Whether a result in this mode can be judged on the metric: throughput in Throughput mode, the mean
     * time in the time modes, percentiles and the maximum only in SampleTime mode (the only one that keeps
     * a distribution), allocation per operation in every mode. Error rates never: JMH stops a benchmark
     * at its first exception.
     */
    public boolean measures(Metric metric) {
        if (metric.gateType() == GateType.MEMORY) {
            return metric == Metric.ALLOCATION_PER_INVOCATION;
        }
        return switch (metric) {
            case THROUGHPUT -> this == THROUGHPUT;
            case LATENCY_MEAN -> this != THROUGHPUT;
            case LATENCY_P50, LATENCY_P90, LATENCY_P95, LATENCY_P99, LATENCY_MAX -> this == SAMPLE_TIME;
            default -> false;
        };
    }
}
