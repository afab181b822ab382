package io.perfgate.core.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.result.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.zip.GZIPInputStream;

/**
 * Reads k6's {@code --out json} stream (gzipped too): one JSON object a line, {@code "type":"Metric"} declarations
 * and {@code "type":"Point"} samples. Each {@code http_req_duration} point is one request: {@code data.value} its
 * duration in ms, {@code data.time} when it was taken, the label its {@code name} tag (k6 defaults it to the URL).
 * A request failed when its {@code expected_response} tag is false (k6 0.31+), else when its status is 0 or 400+.
 */
final class K6JsonReader {
    static final String ENGINE = "k6";

    private K6JsonReader() {
    }

    static FileRecording read(Path file) {
        SampleTable table = new SampleTable(file, ENGINE);
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw,
                     StandardCharsets.UTF_8))) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.mapper().readTree(text);
                } catch (JacksonException e) {
                    throw ImportException.at(file, line, "not a JSON line of k6's --out json (a truncated file?): "
                            + e.getOriginalMessage(), e);
                }
                if (!"Point".equals(node.path("type").asText()) || !"http_req_duration".equals(node.path("metric").asText())) {
                    continue;
                }
                point(file, line, node.path("data"), table);
            }
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        return table.build("has no http_req_duration points (zero samples: nothing to judge)",
                "k6 http_req_duration: sending, waiting and receiving, without connection setup");
    }

    private static void point(Path file, long line, JsonNode data, SampleTable table) {
        JsonNode value = data.path("value");
        if (!value.isNumber()) {
            throw ImportException.at(file, line, "an http_req_duration point without a numeric data.value");
        }
        long startMs;
        try {
            startMs = OffsetDateTime.parse(data.path("time").asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ImportException.at(file, line, "data.time '" + data.path("time").asText() + "' is not an RFC 3339 time");
        }
        JsonNode tags = data.path("tags");
        String status = tags.path("status").asText("");
        String expected = tags.path("expected_response").asText("");
        boolean failed = expected.isEmpty() ? status.equals("0") || status.compareTo("400") >= 0 && status.length() == 3
                : expected.equals("false");
        String kind = null;
        String error = null;
        if (failed) {
            String code = tags.path("error_code").asText("");
            kind = !status.equals("0") && !status.isEmpty() ? "status " + status
                    : code.equals("1050") ? "timeout" : "connection";
            error = tags.path("error").asText(kind) + " (" + tags.path("method").asText("") + " "
                    + tags.path("url").asText("") + ")";
        }
        String label = tags.path("name").asText(tags.path("url").asText("http_req_duration"));
        table.add(label, startMs, Math.round(value.asDouble() * 1_000_000), kind, error);
    }
}
