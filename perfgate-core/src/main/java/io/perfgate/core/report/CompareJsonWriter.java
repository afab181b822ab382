package io.perfgate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfgate.core.compare.ComparedTest;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.compare.PairedComparison;
import io.perfgate.core.result.Json;

import java.io.UncheckedIOException;

/**
 * {@code compare.json}: what {@code perfgate:compare} found, for tools. Values in the metric's base unit (ns,
 * bytes), one per pair in run order, next to the text the other reports show.
 */
public final class CompareJsonWriter implements CompareWriter {
    public static final String SCHEMA_VERSION = "1.0";

    @Override
    public String fileName() {
        return "compare.json";
    }

    @Override
    public String render(CompareReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode base = root.putObject("base");
        base.put("commit", report.base().id());
        base.put("ref", report.base().ref());
        base.put("subject", report.base().subject());
        root.put("pairsPlanned", report.pairsPlanned());
        root.put("pairsRun", report.pairsRun());
        if (report.stoppedEarly() != null) {
            root.put("stoppedEarly", report.stoppedEarly());
        }
        root.put("correction", report.correction());
        root.put("blocking", !report.blocking().isEmpty());
        root.put("headline", report.counts());
        ArrayNode tests = root.putArray("tests");
        for (ComparedTest test : report.tests()) {
            ObjectNode node = tests.addObject();
            node.put("id", test.testId());
            node.put("label", test.label());
            node.put("kind", test.kind().fileName());
            node.put("status", test.status().name());
            if (test.reason() != null) {
                node.put("reason", test.reason());
            }
            ArrayNode metrics = node.putArray("metrics");
            for (PairedComparison comparison : test.metrics()) {
                metrics.add(metric(comparison));
            }
        }
        try {
            return Json.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode metric(PairedComparison comparison) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("metric", comparison.metric().label());
        node.put("unit", comparison.metric().kind().baseUnit());
        node.put("level", comparison.level().name());
        node.put("outcome", comparison.outcome().name());
        node.put("blocks", comparison.blocks());
        number(node, "base", comparison.baseValue());
        number(node, "head", comparison.headValue());
        number(node, "ratio", comparison.ratio());
        number(node, "lowerRatio", comparison.lowerRatio());
        number(node, "upperRatio", comparison.upperRatio());
        node.put("change", comparison.formattedChange());
        node.put("interval", comparison.formattedInterval());
        node.put("allowed", comparison.formattedAllowed());
        number(node, "pValue", comparison.pValue());
        number(node, "adjustedPValue", comparison.adjustedPValue());
        node.put("comparisons", comparison.comparisons());
        node.put("message", comparison.message());
        ArrayNode pairs = node.putArray("pairs");
        for (int i = 0; i < comparison.pairs(); i++) {
            ObjectNode pair = pairs.addObject();
            number(pair, "base", comparison.baseValues()[i]);
            number(pair, "head", comparison.headValues()[i]);
        }
        return node;
    }

    /** NaN and infinities are not JSON: null. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
