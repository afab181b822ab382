package io.perfgate.core.frontend;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures perfgate takes from one Lighthouse result (LHR) JSON: the metrics in perfgate's base units,
 * Lighthouse's runtime error, the final screenshot.
 *
 * @param metrics      what Lighthouse computed; a metric whose audit failed is absent
 * @param runtimeError Lighthouse's {@code runtimeError} (code and message) when the page could not be measured
 * @param screenshot   the final screenshot as a {@code data:} URI, or null
 */
public record LighthouseReport(
        String requestedUrl,
        String lighthouseVersion,
        Map<Metric, Double> metrics,
        String runtimeError,
        String screenshot) {

    private static final double MS = 1e6;
    /** Audit id per timing metric; values are milliseconds. */
    private static final Map<Metric, String> TIMING_AUDITS = Map.of(
            Metric.FIRST_CONTENTFUL_PAINT, "first-contentful-paint",
            Metric.LARGEST_CONTENTFUL_PAINT, "largest-contentful-paint",
            Metric.TOTAL_BLOCKING_TIME, "total-blocking-time",
            Metric.SPEED_INDEX, "speed-index",
            Metric.TIME_TO_INTERACTIVE, "interactive");

    public LighthouseReport {
        metrics = Map.copyOf(metrics);
    }

    /** Why Lighthouse could not measure the page, as results record it; null when it measured it. */
    public String failure(Object url) {
        return runtimeError == null ? null : "Lighthouse could not measure " + url + ": " + runtimeError;
    }

    /** Metric attribute to value, as result files store them. */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metrics.containsKey(metric)) {
                figures.put(metric.attribute(), metrics.get(metric));
            }
        }
        return figures;
    }

    /** Reads an LHR file; an unreadable file or one that is no LHR is an error naming the file. */
    public static LighthouseReport read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new FrontendConfigurationException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FrontendConfigurationException("cannot read Lighthouse report " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.has("lighthouseVersion") || !root.path("audits").isObject()) {
            throw new FrontendConfigurationException(file + " is no Lighthouse result (LHR): it lacks lighthouseVersion"
                    + " or audits; save it with lighthouse --output=json");
        }
        return of(root);
    }

    static LighthouseReport of(JsonNode root) {
        JsonNode audits = root.path("audits");
        Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        TIMING_AUDITS.forEach((metric, id) -> numeric(audits.path(id), metric, MS, metrics));
        numeric(audits.path("cumulative-layout-shift"), Metric.CUMULATIVE_LAYOUT_SHIFT, 1, metrics);
        JsonNode score = root.path("categories").path("performance").path("score");
        if (score.isNumber()) {
            metrics.put(Metric.PERFORMANCE_SCORE, score.asDouble() * 100);
        }
        resources(audits.path("network-requests"), metrics);
        JsonNode runtime = root.path("runtimeError");
        String runtimeError = runtime.isObject()
                ? runtime.path("code").asText("") + ": " + runtime.path("message").asText("") : null;
        JsonNode shot = audits.path("final-screenshot").path("details").path("data");
        return new LighthouseReport(root.path("requestedUrl").asText(root.path("finalDisplayedUrl").asText(null)),
                root.path("lighthouseVersion").asText(null), metrics, runtimeError,
                shot.isTextual() && shot.asText().startsWith("data:image/") ? shot.asText() : null);
    }

    private static void numeric(JsonNode audit, Metric metric, double scale, Map<Metric, Double> metrics) {
        JsonNode value = audit.path("numericValue");
        if (value.isNumber() && Double.isFinite(value.asDouble())) {
            metrics.put(metric, value.asDouble() * scale);
        }
    }

    /** Bytes transferred, script bytes and request count, summed over the page's network requests. */
    private static void resources(JsonNode audit, Map<Metric, Double> metrics) {
        JsonNode items = audit.path("details").path("items");
        if (!items.isArray()) {
            return;
        }
        double total = 0;
        double script = 0;
        int requests = 0;
        for (JsonNode item : items) {
            // data: URLs are no requests on the wire
            if (item.path("url").asText("").startsWith("data:")) {
                continue;
            }
            double bytes = item.path("transferSize").asDouble(0);
            requests++;
            total += bytes;
            if ("Script".equals(item.path("resourceType").asText())) {
                script += bytes;
            }
        }
        metrics.put(Metric.TOTAL_BYTES, total);
        metrics.put(Metric.SCRIPT_BYTES, script);
        metrics.put(Metric.REQUEST_COUNT, (double) requests);
    }
}
