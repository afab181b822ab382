package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where an imported result came from: another engine's result files ({@code perfgate:import}).
 *
 * @param engine the engine that measured: {@code JMeter}, {@code k6}, {@code Gatling}, {@code HdrHistogram log}
 * @param files  the files read, as given
 * @param note   what a reader should know about the figures (the engine's own percentiles, a throughput window)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportSource(String engine, List<String> files, String note) {
    public ImportSource {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
