package io.perfgate.core.importer;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Round;

import java.util.List;
import java.util.Map;

/**
 * What one file recorded for one label (a JMeter sampler or transaction, a k6 request name, a Gatling request,
 * an HdrHistogram log tag), or for all of them.
 *
 * @param latency      successful samples' latency in nanoseconds; failed samples are only counted
 * @param errorsByKind failed samples per kind: {@code status 500}, {@code timeout}, {@code connection}, {@code assertion}
 * @param rounds       time slices of the file's span, the replicates regression checks compare; empty when the
 *                     file carries no timing of its own samples
 */
public record LabelRecording(
        long requests,
        long errors,
        Map<String, Long> errorsByKind,
        String firstError,
        LatencyHistogram latency,
        List<Round> rounds) {

    public LabelRecording {
        errorsByKind = Map.copyOf(errorsByKind);
        rounds = List.copyOf(rounds);
    }
}
