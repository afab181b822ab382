package io.perfgate.core.importer;

import io.perfgate.core.load.EndpointResult;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.result.Round;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * Writes a perfgate load run as an HdrHistogram interval log ({@code HistogramLogWriter}'s format, values in
 * nanoseconds), so runs of several generator processes can be merged, kept and analysed again with
 * {@code perfgate:import} or any HdrHistogram tool. One interval per time slice of the measured phase: untagged for
 * the whole run, tagged with the endpoint's name (spaces and commas escaped, as the format's tags cannot hold them).
 */
public final class IntervalLogWriter {
    private IntervalLogWriter() {
    }

    /**
     * Writes the run's measured phase to the file (replacing it).
     *
     * @throws ImportException when the file cannot be written
     */
    public static void write(LoadRun run, Path file) {
        long ageMs = Math.max(0, (System.nanoTime() - run.scheduleStartNanos()) / 1_000_000);
        long startMs = System.currentTimeMillis() - ageMs;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.US_ASCII)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputComment("perfgate load run '" + run.scenario() + "': " + run.shape() + "; values in ns");
                writer.outputLogFormatVersion();
                writer.outputStartTime(startMs);
                writer.setBaseTime(startMs);
                writer.outputBaseTime(startMs);
                writer.outputLegend();
                intervals(writer, null, run.overall(), startMs);
                for (EndpointResult endpoint : run.endpoints().values()) {
                    intervals(writer, tag(endpoint.name()), endpoint, startMs);
                }
            }
        } catch (IOException e) {
            throw new ImportException(file + ": cannot write the interval log: " + e.getMessage(), e);
        }
    }

    /** One interval per round with a latency histogram, at the time its slice began. */
    private static void intervals(HistogramLogWriter writer, String tag, EndpointResult result, long startMs) {
        for (int i = 0; i < result.rounds().size(); i++) {
            Round round = result.rounds().get(i);
            if (round.latencyHistogram() != null) {
                long from = startMs + result.roundStarts().get(i) / 1_000_000;
                Histogram histogram = decode(round.latencyHistogram());
                histogram.setStartTimeStamp(from);
                histogram.setEndTimeStamp(from + Math.max(1, round.durationNanos() / 1_000_000));
                histogram.setTag(tag);
                writer.outputIntervalHistogram(histogram);
            }
        }
    }

    private static Histogram decode(String encoded) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a recorded histogram does not decode: " + e.getMessage(), e);
        }
    }

    /** A file name for a scenario's log: {@code users-api.hlog}. */
    public static String fileName(String scenario) {
        return scenario.replaceAll("[^A-Za-z0-9._-]", "_") + ".hlog";
    }

    /** An endpoint name as a log tag: the format ends a tag at a comma and splits lines at white space. */
    static String tag(String name) {
        return name.replace("%", "%25").replace(" ", "%20").replace(",", "%2C").replace("\t", "%09");
    }

    static String untag(String tag) {
        return tag.replace("%09", "\t").replace("%2C", ",").replace("%20", " ").replace("%25", "%");
    }
}
