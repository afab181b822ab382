package io.perfgate.core.load;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one endpoint's (or the whole run's) requests. Recording is synchronized: the I/O thread does
 * nearly all of it, so the lock is uncontended and costs a few nanoseconds.
 */
final class EndpointRecorder {
    private final String name;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram serviceTime = new LatencyHistogram();
    private final long[] errorsByKind = new long[ErrorKind.values().length];
    private long requests;
    private long errors;
    private String firstError;
    private final Slice[] slices;

    private static final class Slice {
        final LatencyHistogram latency = new LatencyHistogram();
        long requests;
        long errors;
    }

    EndpointRecorder(String name, int sliceCount) {
        this.name = name;
        this.slices = new Slice[sliceCount];
        for (int i = 0; i < sliceCount; i++) {
            slices[i] = new Slice();
        }
    }

    synchronized void success(long latencyNanos, long serviceNanos, int slice) {
        requests++;
        latency.record(latencyNanos);
        serviceTime.record(serviceNanos);
        if (slices.length > 0) {
            Slice s = slices[slice];
            s.requests++;
            s.latency.record(latencyNanos);
        }
    }

    synchronized void error(ErrorKind kind, String message, int slice) {
        requests++;
        errors++;
        errorsByKind[kind.ordinal()]++;
        if (firstError == null) {
            firstError = message;
        }
        if (slices.length > 0) {
            Slice s = slices[slice];
            s.requests++;
            s.errors++;
        }
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long errors() {
        return errors;
    }

    synchronized LatencyHistogram latencyCopy() {
        return latency.copy();
    }

    synchronized EndpointResult result(long sliceNanos) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            if (errorsByKind[kind.ordinal()] > 0) {
                kinds.put(kind.key(), errorsByKind[kind.ordinal()]);
            }
        }
        List<Round> rounds = new ArrayList<>();
        for (Slice slice : slices) {
            if (slice.requests > 0) {
                rounds.add(new Round(slice.requests, slice.errors, sliceNanos,
                        slice.latency.count() == 0 ? null : slice.latency.encode(), null));
            }
        }
        return new EndpointResult(name, requests, errors, kinds, firstError, latency.copy(), serviceTime.copy(), rounds);
    }
}
