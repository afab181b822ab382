package io.perfgate.core.load;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.load.CompiledFlow.CompiledStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run records: per endpoint, the latency from the intended start (corrected for coordinated omission),
 * the service time from the send, and errors by kind; warmup and measured phase apart, the measured phase
 * also in ten time slices (the replicates that regression detection compares). The whole run's figures are
 * the endpoints' merged, so each answer is recorded once.
 */
final class RunRecorder {
    static final int SLICES = 10;

    final Phase warmup;
    final Phase measured;
    private volatile long measureStart;
    private volatile long measureEnd;
    private volatile long sliceNanos = 1;
    private final AtomicLong lastMeasuredAnswer = new AtomicLong();

    RunRecorder(List<String> endpointNames) {
        this.warmup = new Phase(endpointNames, 0);
        this.measured = new Phase(endpointNames, SLICES);
    }

    /** Sets the measured phase: answers to requests due from {@code start} on, for the planned time, are measured. */
    void window(long start, long plannedNanos) {
        measureStart = start;
        measureEnd = start + plannedNanos;
        sliceNanos = Math.max(1, plannedNanos / SLICES);
    }

    long measureStart() {
        return measureStart;
    }

    /** When the measured phase is planned to end. */
    long measureEnd() {
        return measureEnd;
    }

    long sliceNanos() {
        return sliceNanos;
    }

    Phase phaseOf(long intended) {
        return intended < measureStart ? warmup : measured;
    }

    /** When the last measured answer (or error) arrived; 0 before any. */
    long lastMeasuredAnswer() {
        return lastMeasuredAnswer.get();
    }

    void success(Phase phase, CompiledStep step, long intended, long now, long sentAt) {
        phase.endpoints[step.endpointIndex].success(now - intended, now - sentAt, slice(phase, intended));
        noteAnswer(phase, now);
    }

    void error(Phase phase, CompiledStep step, long intended, ErrorKind kind, String message) {
        phase.endpoints[step.endpointIndex].error(kind, message, slice(phase, intended));
        phase.noteFirstError(message);
        noteAnswer(phase, System.nanoTime());
    }

    /** An error that is no answer (a request never sent): it counts, but does not stretch the measured time. */
    void unsent(Phase phase, CompiledStep step, long intended, ErrorKind kind, String message) {
        phase.endpoints[step.endpointIndex].error(kind, message, slice(phase, intended));
        phase.noteFirstError(message);
    }

    private int slice(Phase phase, long intended) {
        if (phase != measured) {
            return 0;
        }
        long offset = intended - measureStart;
        return (int) Math.max(0, Math.min(SLICES - 1, offset / sliceNanos));
    }

    private void noteAnswer(Phase phase, long now) {
        if (phase == measured) {
            long seen = lastMeasuredAnswer.get();
            while (now > seen && !lastMeasuredAnswer.compareAndSet(seen, now)) {
                seen = lastMeasuredAnswer.get();
            }
        }
    }

    /** Per endpoint results of the measured phase, in the order the flows declare them. */
    Map<String, EndpointResult> endpointResults() {
        Map<String, EndpointResult> results = new LinkedHashMap<>();
        for (EndpointRecorder recorder : measured.endpoints) {
            EndpointResult result = recorder.result(sliceNanos);
            results.put(result.name(), result);
        }
        return results;
    }

    /** The whole measured phase: every endpoint merged. */
    EndpointResult overallResult() {
        return EndpointRecorder.merge("overall", measured.endpoints, measured.firstError(), sliceNanos);
    }

    /** One phase (warmup or measured) of the run, per endpoint. */
    static final class Phase {
        final EndpointRecorder[] endpoints;
        private volatile String firstError;

        Phase(List<String> endpointNames, int slices) {
            endpoints = new EndpointRecorder[endpointNames.size()];
            for (int i = 0; i < endpoints.length; i++) {
                endpoints[i] = new EndpointRecorder(endpointNames.get(i), slices);
            }
        }

        private synchronized void noteFirstError(String message) {
            if (firstError == null) {
                firstError = message;
            }
        }

        String firstError() {
            return firstError;
        }

        long requests() {
            long sum = 0;
            for (EndpointRecorder endpoint : endpoints) {
                sum += endpoint.requests();
            }
            return sum;
        }

        long errors() {
            long sum = 0;
            for (EndpointRecorder endpoint : endpoints) {
                sum += endpoint.errors();
            }
            return sum;
        }

        LatencyHistogram latencyCopy() {
            LatencyHistogram all = new LatencyHistogram();
            for (EndpointRecorder endpoint : endpoints) {
                all.add(endpoint.latencyCopy());
            }
            return all;
        }
    }
}
