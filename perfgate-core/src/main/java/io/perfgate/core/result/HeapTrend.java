package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Heap after GC sampled across a measurement, from which {@code check} fits a leak slope. The samples are
 * kept raw so the verdict (and the report's chart) is computed where every verdict is: in {@code check}.
 *
 * @param samples  in the order taken, invocations increasing
 * @param problem  why samples are missing or unreliable (explicit GC disabled, for instance); null when fine
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeapTrend(List<HeapSample> samples, String problem) {

    public HeapTrend {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
