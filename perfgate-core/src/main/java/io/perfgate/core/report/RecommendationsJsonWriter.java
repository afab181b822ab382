package io.perfgate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.recommend.Recommendation;
import io.perfgate.core.result.Json;

/**
 * {@code recommendations.json}: the ranked recommendations, each with the evidence that made its rule fire. An
 * empty list when nothing did.
 */
public final class RecommendationsJsonWriter implements ReportWriter {
    public static final String SCHEMA_VERSION = "1.0";

    @Override
    public String fileName() {
        return "recommendations.json";
    }

    @Override
    public String render(CheckReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("project", report.projectName());
        root.put("generatedAt", ReportSummary.time(report.generatedAt()));
        ArrayNode list = root.putArray("recommendations");
        for (Recommendation r : report.recommendations()) {
            ObjectNode item = list.addObject();
            item.put("rank", r.rank());
            item.put("rule", r.rule());
            item.put("test", r.test());
            item.put("title", r.title());
            item.put("testViolatesAGate", r.violated());
            ObjectNode evidence = item.putObject("evidence");
            evidence.put("figure", r.evidence().figure());
            evidence.put("value", r.evidence().value());
            evidence.put("threshold", r.evidence().threshold());
            evidence.put("detail", r.evidence().detail());
            item.put("advice", r.advice());
        }
        try {
            return Json.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write recommendations.json: " + e.getOriginalMessage(), e);
        }
    }
}
