package io.perfgate.core.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads files that hold only an engine's own statistics, no request-level data: k6's end-of-test summary
 * ({@code --summary-export}, or {@code handleSummary}'s JSON) and Gatling's report statistics ({@code js/stats.js},
 * which Gatling 3.12+ writes as a script assigning one object literal with some keys unquoted, or the
 * {@code js/stats.json} of earlier versions; Gatling 3.12+ writes its {@code simulation.log} in a binary format only
 * Gatling reads). Percentiles cannot be merged or re-computed from these: perfgate gates exactly the percentiles the
 * engine reports, as a distribution whose quantiles at those points are the engine's figures, and refuses gates on
 * any other latency figure.
 */
final class ReportedStatistics {
    /** Object literals of a script, as Gatling's {@code stats.js} holds: names may be unquoted. */
    private static final JsonFactory SCRIPT_OBJECTS = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
    /** Gatling's default report indicators ({@code gatling.charting.indicators.percentile1..4}). */
    private static final List<String> GATLING_DEFAULT_PERCENTILES = List.of("p50", "p75", "p95", "p99");

    private ReportedStatistics() {
    }

    static FileRecording readK6Summary(Path file) {
        JsonNode metrics = tree(file).path("metrics");
        JsonNode duration = values(metrics.path("http_req_duration"));
        JsonNode requests = values(metrics.path("http_reqs"));
        if (duration.isMissingNode() || requests.path("count").asLong(0) == 0) {
            throw new ImportException(file + ": the k6 summary has no http_req_duration or a zero http_reqs count"
                    + " (zero samples: nothing to judge)");
        }
        long count = requests.path("count").asLong();
        JsonNode failedNode = values(metrics.path("http_req_failed"));
        long failed = failedNode.isMissingNode() ? 0 : failedNode.path("passes").asLong(0);
        Map<String, Double> quantiles = new TreeMap<>();
        Map<String, String> attributes = Map.of("med", "p50", "p(50)", "p50", "p(90)", "p90", "p(95)", "p95", "p(99)", "p99");
        attributes.forEach((key, attribute) -> {
            if (duration.path(key).isNumber()) {
                quantiles.put(attribute, duration.path(key).asDouble());
            }
        });
        double rate = requests.path("rate").asDouble(0);
        long durationMs = rate > 0 ? Math.round(count / rate * 1000) : 0;
        LabelRecording overall = recording(file, count, failed, duration.path("min").asDouble(),
                duration.path("max").asDouble(), quantiles, failed > 0 ? Map.of("failed", failed) : Map.of());
        return new FileRecording(file, K6JsonReader.ENGINE, overall, Map.of(), 0, durationMs, null,
                reported(quantiles), "k6's own summary figures (" + String.join(", ", reported(quantiles)) + ");"
                + " percentiles of failed requests included, as k6 computes them");
    }

    static FileRecording readGatlingStats(Path file) {
        JsonNode root = gatlingTree(file);
        JsonNode stats = root.path("stats");
        if (stats.isMissingNode() || !stats.has("numberOfRequests")) {
            throw new ImportException(file + ": not Gatling's js/stats.js or js/stats.json (no stats.numberOfRequests)");
        }
        List<String> found = gatlingPercentiles(file);
        List<String> ranks = found == null ? GATLING_DEFAULT_PERCENTILES : found;
        Map<String, LabelRecording> labels = new LinkedHashMap<>();
        root.path("contents").forEach(child -> {
            if ("REQUEST".equals(child.path("type").asText())) {
                labels.put(child.path("name").asText(), gatling(file, child.path("stats"), ranks));
            }
        });
        LabelRecording overall = gatling(file, stats, ranks);
        double rate = number(stats.path("meanNumberOfRequestsPerSecond").path("total"));
        long durationMs = rate > 0 ? Math.round(overall.requests() / rate * 1000) : 0;
        Set<String> gateable = new java.util.TreeSet<>(ranks);
        gateable.retainAll(Set.of("p50", "p90", "p95", "p99"));
        gateable.add("max");
        boolean confirmed = found != null;
        return new FileRecording(file, "Gatling", overall, labels, 0, durationMs, null, gateable,
                "Gatling's own report statistics: percentiles " + String.join(", ", ranks).replace("p", "")
                        + " of successful requests as Gatling computed them (" + (confirmed
                        ? "the indicators its index.html names" : "Gatling's default indicators; no index.html beside"
                        + " js/ to confirm them") + "); other latency figures are not available");
    }

    /**
     * Which percentiles {@code percentiles1..4} of {@code js/stats.js} are: the report's {@code index.html} (beside
     * {@code js/}) heads its columns "50th pct" ... "99th pct" with the configured indicators; stats.js does not
     * say. Null without that page (then Gatling's defaults apply).
     */
    private static List<String> gatlingPercentiles(Path file) {
        Path js = file.toAbsolutePath().getParent();
        Path index = js == null || js.getParent() == null ? null : js.getParent().resolve("index.html");
        if (index == null || !Files.isRegularFile(index)) {
            return null;
        }
        String html;
        try {
            html = Files.readString(index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(index + ": cannot read: " + e.getMessage(), e);
        }
        List<String> ranks = new java.util.ArrayList<>();
        java.util.regex.Matcher header = java.util.regex.Pattern.compile(">([0-9]+(?:\\.[0-9]+)?)th pct<").matcher(html);
        while (header.find()) {
            String rank = "p" + header.group(1);
            if (!ranks.contains(rank)) {
                ranks.add(rank);
            }
        }
        if (ranks.size() != 4) {
            throw new ImportException(index + ": expected the 4 percentile columns of Gatling's report (\"50th pct\"),"
                    + " found " + ranks + "; cannot tell which percentiles " + file.getFileName() + " holds");
        }
        return List.copyOf(ranks);
    }

    private static LabelRecording gatling(Path file, JsonNode stats, List<String> ranks) {
        long total = (long) number(stats.path("numberOfRequests").path("total"));
        long failed = (long) number(stats.path("numberOfRequests").path("ko"));
        if (total == 0) {
            throw new ImportException(file + ": '" + stats.path("name").asText() + "' has zero requests (nothing to judge)");
        }
        Map<String, Double> quantiles = new TreeMap<>();
        for (int i = 0; i < ranks.size(); i++) {
            double value = number(stats.path("percentiles" + (i + 1)).path("ok"));
            if (!Double.isNaN(value)) {
                quantiles.put(ranks.get(i), value);
            }
        }
        return recording(file, total, failed, number(stats.path("minResponseTime").path("ok")),
                number(stats.path("maxResponseTime").path("ok")), quantiles, failed > 0 ? Map.of("KO", failed) : Map.of());
    }

    /**
     * A histogram whose value at each reported quantile q (the sample of rank ceil(q n)) is the reported figure:
     * one sample at the minimum, the ranks up to each quantile at its value, the rest at the maximum.
     */
    private static LabelRecording recording(Path file, long requests, long errors, double minMs, double maxMs,
                                            Map<String, Double> quantilesMs, Map<String, Long> kinds) {
        long successes = requests - errors;
        LatencyHistogram latency = new LatencyHistogram();
        if (successes > 0) {
            List<Map.Entry<String, Double>> points = quantilesMs.entrySet().stream()
                    .sorted(java.util.Comparator.comparingDouble(point -> Double.parseDouble(point.getKey().substring(1))))
                    .toList();
            long placed = 0;
            if (!Double.isNaN(minMs)) {
                latency.record(nanos(minMs));
                placed = 1;
            }
            for (Map.Entry<String, Double> point : points) {
                long rank = (long) Math.ceil(Double.parseDouble(point.getKey().substring(1)) / 100 * successes);
                if (rank > placed) {
                    latency.record(nanos(point.getValue()), rank - placed);
                    placed = rank;
                }
            }
            if (successes > placed) {
                latency.record(nanos(Double.isNaN(maxMs) ? points.get(points.size() - 1).getValue() : maxMs),
                        successes - placed);
            }
        }
        return new LabelRecording(requests, errors, kinds, errors > 0 ? errors + " failed requests, as reported" : null,
                latency, List.of());
    }

    private static Set<String> reported(Map<String, Double> quantiles) {
        Set<String> set = new java.util.TreeSet<>(quantiles.keySet());
        set.add("max");
        return set;
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1_000_000);
    }

    /** Gatling writes figures as strings, "-" for none. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** k6's summary export has a metric's figures at its top; handleSummary's data nests them under values. */
    private static JsonNode values(JsonNode metric) {
        return metric.has("values") ? metric.path("values") : metric;
    }

    /**
     * Gatling's statistics: {@code js/stats.json} is JSON; {@code js/stats.js} (all Gatling 3.12+ writes) is
     * {@code var stats = { type: "GROUP", ..., contents: {...} }} followed by a {@code fillStats} function: the object
     * literal is read with unquoted names allowed, and what follows it is ignored.
     */
    private static JsonNode gatlingTree(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        int start = text.indexOf('{');
        if (start < 0) {
            throw new ImportException(file + ": not Gatling's js/stats.js or js/stats.json (no object in it)");
        }
        String prefix = text.substring(0, start);
        int line = (int) prefix.chars().filter(c -> c == '\n').count();
        try (JsonParser parser = SCRIPT_OBJECTS.createParser(text.substring(start))) {
            JsonNode root = Json.mapper().readTree(parser);
            if (root == null) {
                throw new ImportException(file + ": not Gatling's js/stats.js or js/stats.json (no object in it)");
            }
            return root;
        } catch (JacksonException e) {
            throw ImportException.at(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr() + line,
                    "not valid statistics (a truncated file?): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw ImportException.at(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON (a truncated file?): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
