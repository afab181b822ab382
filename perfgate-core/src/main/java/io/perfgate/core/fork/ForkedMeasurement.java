package io.perfgate.core.fork;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;
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
            pooled = pool(pooled, measurement.latencyHistogram());
            for (Round round : measurement.rounds()) {
                rounds.add(round.inJvm(jvm));
            }
        }
        // memory, database and the profile come from the test JVM; contention and CPU time add up over all JVMs
        return new Measurement(invocations, errors, errorsByKind, firstError, duration,
                pooled == null ? null : pooled.encode(), first.memory(), behind, rounds, first.database(),
                contention(jvms), cpu(jvms), first.profile());
    }

    /** The JVMs' contention as one: rounds add up, the worst wait shares and load are kept, discarded samples pooled. */
    private static Contention contention(List<Measurement> jvms) {
        List<Contention> all = jvms.stream().map(Measurement::contention).filter(java.util.Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        Contention first = all.get(0);
        LatencyHistogram discarded = null;
        Double discardedWait = null;
        Double load = null;
        double measured = 0;
        double kept = 0;
        double worst = 0;
        int keptRounds = 0;
        int discardedRounds = 0;
        int planned = 0;
        long discardedNanos = 0;
        for (Contention each : all) {
            measured = Math.max(measured, each.measuredWaitShare());
            kept = Math.max(kept, each.keptWaitShare());
            worst = Math.max(worst, each.worstWaitShare());
            keptRounds += each.keptRounds();
            discardedRounds += each.discardedRounds();
            planned += each.plannedRounds();
            discardedNanos += each.discardedDurationNanos();
            if (each.discardedWaitShare() != null) {
                discardedWait = discardedWait == null ? each.discardedWaitShare()
                        : Math.max(discardedWait, each.discardedWaitShare());
            }
            if (each.loadPerCore() != null) {
                load = load == null ? each.loadPerCore() : Math.max(load, each.loadPerCore());
            }
            discarded = pool(discarded, each.discardedLatencyHistogram());
        }
        return new Contention(first.source(), measured, kept, worst, first.maxWaitShare(), keptRounds, discardedRounds,
                planned, discardedWait, discardedNanos, discarded == null ? null : discarded.encode(), load);
    }

    /** CPU time over all JVMs that measured it; null unless every JVM did. */
    private static CpuTime cpu(List<Measurement> jvms) {
        long total = 0;
        long invocations = 0;
        LatencyHistogram perInvocation = null;
        boolean everyHistogram = true;
        for (Measurement measurement : jvms) {
            CpuTime cpu = measurement.cpu();
            if (cpu == null) {
                return null;
            }
            total += cpu.totalNanos();
            invocations += cpu.invocations();
            if (cpu.perInvocationHistogram() == null) {
                everyHistogram = false;
            } else if (everyHistogram) {
                perInvocation = pool(perInvocation, cpu.perInvocationHistogram());
            }
        }
        return new CpuTime(total, invocations, everyHistogram && perInvocation != null ? perInvocation.encode() : null);
    }

    /** {@code pooled} with the encoded histogram added (null: nothing pooled yet); as it was when there is none. */
    private static LatencyHistogram pool(LatencyHistogram pooled, String encoded) {
        if (encoded == null) {
            return pooled;
        }
        LatencyHistogram histogram = LatencyHistogram.decode(encoded);
        if (pooled == null) {
            return histogram;
        }
        pooled.add(histogram);
        return pooled;
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
