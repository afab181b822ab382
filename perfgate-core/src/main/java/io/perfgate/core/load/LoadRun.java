package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.Measurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The record of one load run's measured phase (warmup excluded).
 *
 * @param scenario           the scenario's name
 * @param shape              the load shape, described
 * @param scheduleStartNanos {@link System#nanoTime()} at which the measured phase was scheduled to begin
 * @param durationNanos      from the measured phase's start to the last measured answer (at least the planned time)
 * @param offeredRate        the open model's planned arrivals per second in the measured phase; NaN for closed
 * @param overall            every measured request
 * @param endpoints          per endpoint, in the order the flows declare them
 * @param behindSchedule     why the run gives no verdict (the generator could not keep its schedule), or null;
 *                           such a run is INCONCLUSIVE
 * @param notes              what else a reader should know (limits reached, generator load)
 * @param health             the self-check's figures
 * @param stoppedByLimit     whether {@code maxRequests} or {@code maxDuration} ended the run before its plan did;
 *                           its figures are then over the time actually measured
 */
public record LoadRun(
        String scenario,
        String shape,
        long scheduleStartNanos,
        long durationNanos,
        double offeredRate,
        EndpointResult overall,
        Map<String, EndpointResult> endpoints,
        String behindSchedule,
        List<String> notes,
        GeneratorHealth health,
        boolean stoppedByLimit) {

    public LoadRun {
        endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        notes = List.copyOf(notes);
    }

    /** The same run, INCONCLUSIVE for the given reason (a plan that could not go on within its limits). */
    public LoadRun inconclusive(String reason) {
        return new LoadRun(scenario, shape, scheduleStartNanos, durationNanos, offeredRate, overall, endpoints,
                behindSchedule == null ? reason : behindSchedule + "; " + reason, notes, health, stoppedByLimit);
    }

    /** Successful requests per second over the measured phase. */
    public double throughput() {
        return durationNanos <= 0 ? 0 : overall.successes() * 1e9 / durationNanos;
    }

    public Measurement measurement() {
        return overall.toMeasurement(durationNanos, behindSchedule);
    }

    /** Per-endpoint measurements keyed by endpoint name, judged by gates scoped to that name. */
    public Map<String, Measurement> endpointMeasurements() {
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        endpoints.forEach((name, result) -> measurements.put(name, result.toMeasurement(durationNanos, behindSchedule)));
        return measurements;
    }

    /** A few lines for the console: throughput, latency percentiles, errors, per endpoint. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("load '").append(scenario).append("': ").append(shape).append('\n');
        line(text, "overall", overall);
        if (endpoints.size() > 1) {
            endpoints.forEach((name, result) -> line(text, name, result));
        }
        if (behindSchedule != null) {
            text.append("  INCONCLUSIVE: ").append(behindSchedule).append('\n');
        }
        for (String note : notes) {
            text.append("  note: ").append(note).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private void line(StringBuilder text, String name, EndpointResult result) {
        double seconds = durationNanos / 1e9;
        text.append(String.format(Locale.ROOT, "  %s: %s requests, %s/s ok, errors %s",
                name, QuantityKind.grouped(result.requests()),
                QuantityKind.RATE.format(seconds > 0 ? result.successes() / seconds : 0).replace("/s", ""),
                result.errors() == 0 ? "0" : QuantityKind.grouped(result.errors()) + " " + result.errorsByKind()));
        if (result.latency().count() > 0) {
            text.append(String.format(Locale.ROOT, "; latency p50 %s, p95 %s, p99 %s, max %s; service time p99 %s",
                    Rates.formatNanos(result.latency().valueAtQuantile(0.50)),
                    Rates.formatNanos(result.latency().valueAtQuantile(0.95)),
                    Rates.formatNanos(result.latency().valueAtQuantile(0.99)),
                    Rates.formatNanos(result.latency().max()),
                    Rates.formatNanos(result.serviceTime().valueAtQuantile(0.99))));
        }
        text.append('\n');
    }
}
