package io.perfgate.core.load;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one endpoint's requests. Recording is synchronized: the I/O thread does nearly all of it, so the
 * lock is uncontended and costs a few nanoseconds.
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

    EndpointResult result(long sliceNanos) {
        return merge(name, new EndpointRecorder[] {this}, null, sliceNanos);
    }

    /**
     * The figures of several recorders as one (the whole run from its endpoints), slice by slice.
     *
     * @param firstError the first error across them, or null to take this recorder's own
     */
    static EndpointResult merge(String name, EndpointRecorder[] parts, String firstError, long sliceNanos) {
        int sliceCount = parts.length == 0 ? 0 : parts[0].slices.length;
        LatencyHistogram latency = new LatencyHistogram();
        LatencyHistogram serviceTime = new LatencyHistogram();
        long[] kinds = new long[ErrorKind.values().length];
        long requests = 0;
        long errors = 0;
        String first = firstError;
        long[] sliceRequests = new long[sliceCount];
        long[] sliceErrors = new long[sliceCount];
        LatencyHistogram[] sliceLatency = new LatencyHistogram[sliceCount];
        for (int i = 0; i < sliceCount; i++) {
            sliceLatency[i] = new LatencyHistogram();
        }
        for (EndpointRecorder part : parts) {
            synchronized (part) {
                latency.add(part.latency);
                serviceTime.add(part.serviceTime);
                requests += part.requests;
                errors += part.errors;
                for (int k = 0; k < kinds.length; k++) {
                    kinds[k] += part.errorsByKind[k];
                }
                if (first == null) {
                    first = part.firstError;
                }
                for (int i = 0; i < sliceCount; i++) {
                    sliceRequests[i] += part.slices[i].requests;
                    sliceErrors[i] += part.slices[i].errors;
                    sliceLatency[i].add(part.slices[i].latency);
                }
            }
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            if (kinds[kind.ordinal()] > 0) {
                byKind.put(kind.key(), kinds[kind.ordinal()]);
            }
        }
        List<Round> rounds = new ArrayList<>();
        List<Long> roundStarts = new ArrayList<>();
        for (int i = 0; i < sliceCount; i++) {
            if (sliceRequests[i] > 0) {
                rounds.add(new Round(sliceRequests[i], sliceErrors[i], sliceNanos,
                        sliceLatency[i].count() == 0 ? null : sliceLatency[i].encode(), null));
                roundStarts.add(i * sliceNanos);
            }
        }
        return new EndpointResult(name, requests, errors, byKind, first, latency, serviceTime, rounds, roundStarts);
    }
}
