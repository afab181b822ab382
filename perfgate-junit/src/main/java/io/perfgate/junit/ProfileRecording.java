package io.perfgate.junit;

import io.perfgate.core.measure.MeasuringListener;
import io.perfgate.core.profile.JfrProfiler;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.Round;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The JFR profile of one gated test's measured rounds ({@link JfrProfiler} does the work), on unless
 * {@code perfgate.profiling=false}. The {@code .jfr} file is written beside the test's result file and kept when
 * the test fails its gates here or {@code perfgate.keepProfiles=true}; otherwise only its summary is kept.
 */
final class ProfileRecording {
    static final String PROFILING = "perfgate.profiling";
    static final String KEEP = "perfgate.keepProfiles";

    private final JfrProfiler profiler;
    private final boolean keepAlways;
    private final Path resultsDirectory;

    private ProfileRecording(JfrProfiler profiler, boolean keepAlways, Path resultsDirectory) {
        this.profiler = profiler;
        this.keepAlways = keepAlways;
        this.resultsDirectory = resultsDirectory;
    }

    /** A recording for the test, or empty when profiling is switched off or this JVM has no flight recorder. */
    static Optional<ProfileRecording> of(ExtensionContext context, Optional<Path> results) {
        boolean on = context.getConfigurationParameter(PROFILING).map(value -> !"false".equalsIgnoreCase(value.strip()))
                .orElse(true);
        if (!on || !JfrProfiler.available()) {
            return Optional.empty();
        }
        boolean keep = context.getConfigurationParameter(KEEP).map(value -> "true".equalsIgnoreCase(value.strip()))
                .orElse(false);
        Path file;
        try {
            file = results.isPresent()
                    ? ResultFiles.recordingFor(results.get(), context.getUniqueId())
                    : Files.createTempFile("perfgate-", ".jfr");
        } catch (IOException e) {
            System.err.println("[perfgate] not profiling " + context.getDisplayName() + ": " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new ProfileRecording(new JfrProfiler(file), keep, results.orElse(null)));
    }

    MeasuringListener listener() {
        return profiler;
    }

    /**
     * The measurement with the profile's summary; the recording file is kept (and named in the summary) when
     * {@code failed} or asked for, else deleted. A profile that cannot be read is reported and left out.
     */
    Measurement attach(Measurement measurement, boolean failed) {
        Optional<ProfileSummary> summary;
        try {
            summary = profiler.summary(measurement.rounds().stream().mapToLong(Round::durationNanos).sum());
        } catch (IOException | RuntimeException e) {
            System.err.println("[perfgate] could not read the profile " + profiler.file() + ": " + e);
            discard();
            return measurement;
        }
        if (summary.isEmpty()) {
            discard(); // too short to sample: nothing to keep
            return measurement;
        }
        boolean keep = (failed || keepAlways) && resultsDirectory != null;
        if (!keep) {
            discard();
            return measurement.withProfile(summary.get());
        }
        return measurement.withProfile(summary.get().withRecordingFile(profiler.file().getFileName().toString()));
    }

    /** Stops and deletes a recording the loop left running (it failed or was aborted); a finished one stays. */
    void stopIfRunning() {
        if (profiler.running()) {
            discard();
        }
    }

    /** Stops a recording left running and deletes its file. */
    void discard() {
        profiler.close();
        try {
            Files.deleteIfExists(profiler.file());
        } catch (IOException ignored) {
            // a stray profile file is harmless; check never reads it
        }
    }
}
