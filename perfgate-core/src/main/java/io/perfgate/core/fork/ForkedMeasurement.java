package io.perfgate.core.fork;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One test's measurements from several JVMs, merged into one measurement whose rounds say which JVM measured
 * them ({@link Round#jvm()}: 0 the test JVM, 1.. the forks). Regression detection then keeps each JVM's values
 * apart; absolute gates judge the pooled histogram of all JVMs. Memory and database figures are the test JVM's:
 * they are JVM-wide readings that do not add up across JVMs.
 */
public final class ForkedMeasurement {

    private ForkedMeasurement() {
    }

    /**
     * @param jvms the measurement of each JVM, the test JVM's first; at least one
     */
    public static Measurement merge(List<Measurement> jvms) {
        if (jvms.isEmpty()) {
            throw new IllegalArgumentException("no measurement to merge");
        }
        Measurement first = jvms.get(0);
        long invocations = 0;
        long errors = 0;
        long duration = 0;
        Map<String, Long> errorsByKind = new TreeMap<>();
        String firstError = null;
        String behind = null;
        LatencyHistogram pooled = null;
        List<Round> rounds = new ArrayList<>();
        for (int jvm = 0; jvm < jvms.size(); jvm++) {
            Measurement measurement = jvms.get(jvm);
            invocations += measurement.invocations();
            errors += measurement.errors();
            duration += measurement.durationNanos();
            measurement.errorsByKind().forEach((kind, count) -> errorsByKind.merge(kind, count, Long::sum));
            firstError = firstError != null ? firstError : measurement.firstError();
            behind = behind != null ? behind : measurement.behindSchedule();
            if (measurement.latencyHistogram() != null) {
                LatencyHistogram histogram = LatencyHistogram.decode(measurement.latencyHistogram());
                if (pooled == null) {
                    pooled = histogram;
                } else {
                    pooled.add(histogram);
                }
            }
            for (Round round : measurement.rounds()) {
                rounds.add(round.inJvm(jvm));
            }
        }
        return new Measurement(invocations, errors, errorsByKind, firstError, duration,
                pooled == null ? null : pooled.encode(), first.memory(), behind, rounds, first.database());
    }

    /** How many JVMs measured the rounds: 1 for a measurement made in one. */
    public static int jvmCount(Measurement measurement) {
        return (int) Math.max(1, measurement.rounds().stream().map(Round::jvmIndex).distinct().count());
    }

    /**
     * Each JVM's rounds pooled into one histogram, by JVM; empty when one JVM measured every round or the rounds
     * carry no histogram. For reports that show what each JVM measured.
     */
    public static Map<Integer, LatencyHistogram> byJvm(Measurement measurement) {
        Map<Integer, LatencyHistogram> histograms = new TreeMap<>();
        if (jvmCount(measurement) < 2) {
            return histograms;
        }
        for (Round round : measurement.rounds()) {
            if (round.latencyHistogram() == null) {
                return new TreeMap<>();
            }
            LatencyHistogram histogram = LatencyHistogram.decode(round.latencyHistogram());
            histograms.merge(round.jvmIndex(), histogram, (pooled, more) -> {
                pooled.add(more);
                return pooled;
            });
        }
        return histograms;
    }
}
