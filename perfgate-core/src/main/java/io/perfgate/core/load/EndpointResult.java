package io.perfgate.core.load;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;

import java.util.List;
import java.util.Map;

/**
 * What one endpoint (or the whole run) recorded in the measured phase.
 *
 * @param latency     successful requests' response time from their scheduled start (coordinated omission
 *                    corrected); in the closed model the scheduled start is the send
 * @param serviceTime successful requests' time from the actual send to the complete answer
 * @param rounds      time slices of the measured phase, the replicates regression checks compare; a slice without
 *                    a request has no round
 * @param roundStarts when each round began, in nanoseconds from the measured phase's start (one per round: the
 *                    rounds that empty slices leave out do not shift the later ones)
 */
public record EndpointResult(
        String name,
        long requests,
        long errors,
        Map<String, Long> errorsByKind,
        String firstError,
        LatencyHistogram latency,
        LatencyHistogram serviceTime,
        List<Round> rounds,
        List<Long> roundStarts) {

    public EndpointResult {
        errorsByKind = Map.copyOf(errorsByKind);
        rounds = List.copyOf(rounds);
        roundStarts = List.copyOf(roundStarts);
        if (roundStarts.size() != rounds.size()) {
            throw new IllegalArgumentException(rounds.size() + " rounds but " + roundStarts.size() + " start times");
        }
    }

    public long successes() {
        return requests - errors;
    }

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** The measurement {@code check} judges, over the given duration of the measured phase. */
    public Measurement toMeasurement(long durationNanos, String behindSchedule) {
        return new Measurement(requests, errors, errorsByKind, firstError, durationNanos,
                latency.count() == 0 ? null : latency.encode(), null, behindSchedule, rounds);
    }
}
