package io.perfgate.core.profile;

import io.perfgate.core.measure.MeasuringListener;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Records a JDK Flight Recorder profile of the measured rounds only: started when the warmup is over, stopped
 * after the last round, and dumped to a file that {@link ProfileReader} summarises. Samples execution every
 * {@value #PERIOD_MILLIS} ms, allocations (throttled), monitor waits above {@value #MONITOR_THRESHOLD_MILLIS} ms,
 * parks above {@value #PARK_THRESHOLD_MILLIS} ms, and garbage collections.
 */
public final class JfrProfiler implements MeasuringListener {
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String THREAD_PARK = "jdk.ThreadPark";
    static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    /** The execution sampling period. */
    public static final int PERIOD_MILLIS = 5;
    /**
     * Measured rounds shorter than this (four sampling periods) are not profiled: the recording is dropped unread.
     * Reading a recording takes about 12 ms even when it holds no event, and a test of 20 trivial invocations then
     * spent most of its time on its profile.
     */
    static final long MIN_PROFILED_NANOS = 4L * PERIOD_MILLIS * 1_000_000;
    static final int MONITOR_THRESHOLD_MILLIS = 1;
    static final int PARK_THRESHOLD_MILLIS = 5;

    private final Path file;
    private Recording recording;
    private long startNanos;
    private long durationNanos = -1;

    /**
     * Sets up the flight recorder at once (its first use in a JVM loads and compiles much of JFR), so that cost
     * falls before the warmup rather than on the first measured round.
     *
     * @param file where the recording is written when the rounds are over
     */
    public JfrProfiler(Path file) {
        this.file = file;
        FlightRecorder.getFlightRecorder();
    }

    /**
     * The same events as a JFR settings file ({@code .jfc}), for recordings perfgate does not start itself: JMH's
     * JFR profiler starts one in each benchmark fork with {@code jcmd JFR.start settings=<file>}.
     *
     * @param periodMillis the execution sampling period
     */
    public static String settingsFile(int periodMillis) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="perfgate" description="perfgate's profile of measured iterations"
                               provider="perfgate">
                  <event name="%s"><setting name="enabled">true</setting><setting name="period">%d ms</setting></event>
                  <event name="%s"><setting name="enabled">true</setting><setting name="throttle">150/s</setting>\
                <setting name="stackTrace">true</setting></event>
                  <event name="%s"><setting name="enabled">true</setting><setting name="threshold">%d ms</setting>\
                <setting name="stackTrace">true</setting></event>
                  <event name="%s"><setting name="enabled">true</setting><setting name="threshold">%d ms</setting>\
                <setting name="stackTrace">true</setting></event>
                  <event name="%s"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
                </configuration>
                """.formatted(EXECUTION_SAMPLE, periodMillis, ALLOCATION_SAMPLE, MONITOR_ENTER,
                MONITOR_THRESHOLD_MILLIS, THREAD_PARK, PARK_THRESHOLD_MILLIS, GARBAGE_COLLECTION);
    }

    /** Whether this JVM can record (a runtime without the jdk.jfr module, or with JFR disabled, cannot). */
    public static boolean available() {
        try {
            return FlightRecorder.isAvailable();
        } catch (LinkageError missing) {
            return false;
        }
    }

    @Override
    public void measuringStarted() {
        Recording started = new Recording();
        started.setName("perfgate");
        started.enable(EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(PERIOD_MILLIS));
        started.enable(ALLOCATION_SAMPLE).with("throttle", "150/s");
        started.enable(MONITOR_ENTER).withThreshold(Duration.ofMillis(MONITOR_THRESHOLD_MILLIS)).withStackTrace();
        started.enable(THREAD_PARK).withThreshold(Duration.ofMillis(PARK_THRESHOLD_MILLIS)).withStackTrace();
        started.enable(GARBAGE_COLLECTION);
        started.start();
        recording = started;
        startNanos = System.nanoTime();
    }

    @Override
    public void measuringEnded() {
        durationNanos = System.nanoTime() - startNanos;
        try (Recording stopping = recording) {
            stopping.stop();
            if (durationNanos < MIN_PROFILED_NANOS) {
                return; // too short for a sample: writing and reading the file would cost a trivial test most of its time
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            stopping.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException("perfgate could not write the profile " + file, e);
        } finally {
            recording = null;
        }
    }

    /**
     * The summary of the recorded rounds; empty when the rounds did not end (a failed or aborted run) or were too
     * short to sample.
     */
    public Optional<ProfileSummary> summary() throws IOException {
        return summary(durationNanos);
    }

    /**
     * The summary, when the rounds' own time (without the pauses between them) was long enough to sample; else
     * empty, and the recording is not read.
     *
     * @param measuredNanos the time the measured rounds took together
     */
    public Optional<ProfileSummary> summary(long measuredNanos) throws IOException {
        if (durationNanos < MIN_PROFILED_NANOS || measuredNanos < MIN_PROFILED_NANOS || !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(ProfileReader.read(file, durationNanos, PERIOD_MILLIS));
    }

    /** Stops a recording the loop left running, so no recording outlives its test. */
    public void close() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }

    /** Whether a recording was started and has not ended. */
    public boolean running() {
        return recording != null;
    }

    public Path file() {
        return file;
    }
}
