package io.perfgate.core.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** The result formats {@code perfgate:import} reads; {@link #detect} tells them apart by content. */
public enum ImportFormat {
    JMETER_CSV("jmeter-csv"),
    JMETER_XML("jmeter-xml"),
    HDR_LOG("hdr-log"),
    K6_JSON("k6-json"),
    K6_SUMMARY("k6-summary"),
    GATLING_STATS("gatling-stats");

    private final String key;

    ImportFormat(String key) {
        this.key = key;
    }

    /** The name used in import files: {@code jmeter-csv}. */
    public String key() {
        return key;
    }

    public static ImportFormat of(String key) {
        return Arrays.stream(values()).filter(format -> format.key.equalsIgnoreCase(key.strip())).findFirst()
                .orElseThrow(() -> new ImportException("'" + key + "' is not an import format; expected one of "
                        + Arrays.stream(values()).map(ImportFormat::key).toList()));
    }

    /**
     * The format of a file from its first bytes.
     *
     * @throws ImportException naming the file when it is missing, empty or of no known format
     */
    public static ImportFormat detect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + ": no such file");
        }
        String head;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            head = new String(in.readNBytes(4096), StandardCharsets.UTF_8).stripLeading();
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (head.isEmpty()) {
            throw new ImportException(file + ": the file is empty (zero samples: nothing to judge)");
        }
        String firstLine = head.lines().findFirst().orElse("");
        if (head.startsWith("<?xml") || head.startsWith("<testResults")) {
            return JMETER_XML;
        }
        if (firstLine.contains("timeStamp") && firstLine.contains("elapsed")) {
            return JMETER_CSV;
        }
        String firstData = head.lines().filter(line -> !line.startsWith("#")).findFirst().orElse("");
        if (head.contains("#[Histogram log format version") || firstData.startsWith("\"StartTimestamp\"")
                || firstData.matches("^(Tag=[^,]*,)?[0-9.]+,[0-9.]+,[0-9.]+,HIST.*")) {
            return HDR_LOG;
        }
        String compactLine = firstLine.replaceAll("\\s", "");
        if (compactLine.startsWith("{\"type\":\"Metric\"") || compactLine.startsWith("{\"type\":\"Point\"")
                || compactLine.startsWith("{\"metric\":")) {
            return K6_JSON;
        }
        if (head.startsWith("var stats") && head.replaceAll("\\s", "").contains("\"numberOfRequests\"")) {
            return GATLING_STATS; // js/stats.js, all Gatling 3.12+ writes
        }
        if (head.startsWith("{")) {
            String compact = head.replaceAll("\\s", "");
            if (compact.contains("\"numberOfRequests\"")) {
                return GATLING_STATS;
            }
            if (compact.contains("\"metrics\":")) {
                return K6_SUMMARY;
            }
        }
        throw new ImportException(file + ": not a format perfgate imports (its first line: '"
                + abbreviate(firstLine) + "'); expected a JMeter JTL (CSV with header, or XML), an HdrHistogram interval"
                + " log, k6's --out json stream or summary export, or Gatling's js/stats.js (js/stats.json before 3.12); or set format");
    }

    private static String abbreviate(String text) {
        return (text.length() > 80 ? text.substring(0, 80) + "..." : text).replaceAll("\\p{Cntrl}", "?");
    }
}
