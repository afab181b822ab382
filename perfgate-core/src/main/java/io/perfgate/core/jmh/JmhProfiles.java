package io.perfgate.core.jmh;

import io.perfgate.core.profile.JfrProfiler;
import io.perfgate.core.profile.ProfileReader;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Profiles of benchmarks through JMH's own JFR profiler ({@code -prof jfr}), with perfgate's events: JMH starts a
 * recording in each fork when its first measurement iteration begins and stops it after the last one, so warmup is
 * left out, as for a gated test. JMH writes one file per benchmark, mode and parameter set
 * ({@code <dir>/<JMH's benchmark id>/profile.jfr}); each fork writes it again, so it holds the last fork's
 * iterations, and a warmup retry's run replaces the first run's, as its scores do.
 * <p>
 * Execution is sampled every {@value #PERIOD_MILLIS} ms, not every 5 ms as in a test's measured rounds: a
 * benchmark's iterations last seconds, and on a 2-core VM sampling every 5 ms made a hash loop's score 2.5-3.5 %
 * worse, every 20 ms about 1.5 % (bench/README.md, jmh-profiling-overhead).
 * <p>
 * Starting the flight recorder in a running JVM deoptimises and allocates: a benchmark's first measured iteration
 * then scored 13-52 % worse than the rest, which perfgate's warmup check reads as still warming up. So each fork
 * also starts an empty recording when it starts, and the flight recorder is set up before the warmup.
 *
 * @param directory where JMH writes the recordings, and perfgate its settings files
 */
public record JmhProfiles(Path directory) {
    /** The settings file JMH's profiler passes to {@code jcmd JFR.start}. */
    static final String SETTINGS_FILE = "perfgate.jfc";
    /** The settings of the recording each fork starts with: no events. */
    static final String EMPTY_SETTINGS_FILE = "empty.jfc";
    private static final String RECORDING_FILE = "profile.jfr";
    /** The execution sampling period in benchmark forks. */
    static final int PERIOD_MILLIS = 20;

    /**
     * Why JMH's forks cannot be profiled, or empty when they can: JMH drives the recording with {@code jcmd} from
     * the forks' Java home (a JRE has none, and JMH's benchmark would then fail), and {@code jcmd} splits its
     * arguments at spaces.
     */
    public static Optional<String> unavailable(Path java, Path directory) {
        Path bin = java.toAbsolutePath().getParent();
        boolean jcmd = bin != null && (Files.isExecutable(bin.resolve("jcmd"))
                || Files.isExecutable(bin.resolve("jcmd.exe")));
        if (!jcmd) {
            return Optional.of("the JDK running the benchmarks has no jcmd beside " + java
                    + ", which JMH's JFR profiler needs");
        }
        if (directory.toAbsolutePath().toString().chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("the output directory " + directory.toAbsolutePath() + " has a space in its path,"
                    + " which jcmd cannot pass to the flight recorder");
        }
        return Optional.empty();
    }

    /**
     * Writes the settings files, after removing recordings of an earlier build (which would otherwise be read as
     * this one's).
     */
    public JmhProfiles prepare() throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(SETTINGS_FILE), JfrProfiler.settingsFile(PERIOD_MILLIS));
        Files.writeString(directory.resolve(EMPTY_SETTINGS_FILE), """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="empty" description="no events: sets the recorder up"
                               provider="perfgate"/>
                """);
        return this;
    }

    /** JMH's arguments that add its JFR profiler with perfgate's events. */
    List<String> profilerArguments() {
        return List.of("-prof", "jfr:dir=" + directory.toAbsolutePath() + ";configName="
                + directory.resolve(SETTINGS_FILE).toAbsolutePath());
    }

    /** Options of each fork: the empty recording that sets the flight recorder up before the warmup. */
    List<String> forkOptions() {
        return List.of("-XX:StartFlightRecording=settings=" + directory.resolve(EMPTY_SETTINGS_FILE).toAbsolutePath()
                + ",disk=false");
    }

    /**
     * The results with the profile of their recorded iterations. A recording is deleted once read unless
     * {@code keep}: then it is moved beside the result file, named as it is, like a gated test's. A benchmark
     * without a recording (it failed) is left as it is; one that cannot be read is reported and left out.
     */
    public List<TestResult> attach(List<TestResult> results, Path resultsDirectory, boolean keep,
                                   Consumer<String> warnings) {
        List<TestResult> profiled = new ArrayList<>();
        for (TestResult result : results) {
            BenchmarkDetails details = result.benchmark();
            Path recording = details == null ? null : directory.resolve(id(details)).resolve(RECORDING_FILE);
            if (recording == null || result.measurement() == null || !Files.isRegularFile(recording)) {
                profiled.add(result);
                continue;
            }
            try {
                ProfileSummary summary = ProfileReader.read(recording, details.measurementIterations()
                        * JmhSettings.nanos(details.measurementTime()), PERIOD_MILLIS);
                if (keep) {
                    Path kept = ResultFiles.recordingFor(resultsDirectory, result.id());
                    Files.createDirectories(resultsDirectory);
                    Files.move(recording, kept, StandardCopyOption.REPLACE_EXISTING);
                    summary = summary.withRecordingFile(kept.getFileName().toString());
                } else {
                    Files.delete(recording);
                }
                profiled.add(result.withMeasurement(result.measurement().withProfile(summary), result.endpoints()));
            } catch (IOException | RuntimeException e) {
                warnings.accept("perfgate: could not read the profile " + recording + " of " + result.label() + ": "
                        + e);
                profiled.add(result);
            }
        }
        return profiled;
    }

    /**
     * JMH's name for a benchmark in one mode with one parameter set ({@code BenchmarkParams.id()}): the benchmark,
     * the mode's name and each parameter in name order, URL-encoded and joined by dashes.
     */
    static String id(BenchmarkDetails details) {
        StringBuilder id = new StringBuilder(encoded(details.benchmark())).append('-')
                .append(BenchmarkMode.ofShortLabel(details.mode()).map(BenchmarkMode::jmhName).orElse(details.mode()));
        Map<String, String> params = new TreeMap<>(details.params() == null ? Map.of() : details.params());
        params.forEach((name, value) -> id.append('-').append(encoded(name)).append('-').append(encoded(value)));
        return id.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
