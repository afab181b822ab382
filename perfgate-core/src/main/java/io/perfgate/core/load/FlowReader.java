package io.perfgate.core.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.perfgate.core.load.ScenarioText.Node;
import io.perfgate.core.result.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a scenario's {@code flows}: each flow's steps, with their headers, bodies, expectations and captures. */
final class FlowReader {
    private final ScenarioText text;

    FlowReader(ScenarioText text) {
        this.text = text;
    }

    Flow flow(Node flow) {
        flow.requireObject();
        flow.allowOnly("name", "weight", "steps");
        String name = flow.field("name").requiredText();
        double weight = 1;
        Node weightNode = flow.field("weight");
        if (!weightNode.missing()) {
            if (!weightNode.node.isNumber() || !(weightNode.node.asDouble() > 0)) {
                throw error(weightNode.path, "must be a number above zero, got " + weightNode.node);
            }
            weight = weightNode.node.asDouble();
        }
        Node steps = flow.field("steps");
        if (steps.missing()) {
            throw error(steps.path, "is missing; a flow needs at least one step");
        }
        steps.requireArray();
        if (steps.node.isEmpty()) {
            throw error(steps.path, "is empty; a flow needs at least one step");
        }
        List<HttpStep> list = new ArrayList<>();
        for (int i = 0; i < steps.node.size(); i++) {
            list.add(step(steps.element(i)));
        }
        try {
            return new Flow(name, weight, list);
        } catch (LoadConfigurationException e) {
            throw error(flow.path, e.getMessage());
        }
    }

    private HttpStep step(Node step) {
        step.requireObject();
        step.allowOnly("request", "endpoint", "headers", "body", "expect", "capture");
        Node requestNode = step.field("request");
        String request = requestNode.requiredText().strip();
        String[] parts = request.split("\\s+");
        if (parts.length != 2) {
            throw error(requestNode.path, "'" + request + "' should be a method and a path, such as GET /api/v1/users");
        }
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            Node headerNode = step.field("headers");
            if (!headerNode.missing()) {
                headerNode.requireObject();
                headerNode.node.fields().forEachRemaining(entry -> {
                    if (!entry.getValue().isValueNode()) {
                        throw error(headerNode.path + "." + entry.getKey(), "must be a text value");
                    }
                    headers.put(entry.getKey(), entry.getValue().asText());
                });
            }
            Node bodyNode = step.field("body");
            String body = null;
            if (!bodyNode.missing()) {
                body = bodyNode.node.isTextual() ? bodyNode.node.asText() : Json.mapper().writer()
                        .without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(bodyNode.node);
            }
            Map<String, String> captures = new LinkedHashMap<>();
            Node captureNode = step.field("capture");
            if (!captureNode.missing()) {
                captureNode.requireObject();
                captureNode.node.fields().forEachRemaining(entry -> {
                    if (!entry.getValue().isTextual()) {
                        throw error(captureNode.path + "." + entry.getKey(), "must name a JSON property, such as id or /user/id");
                    }
                    captures.put(entry.getKey(), entry.getValue().asText());
                });
            }
            Node endpoint = step.field("endpoint");
            HttpStep built = new HttpStep(endpoint.missing() ? null : endpoint.requiredText(), parts[0], parts[1],
                    headers, body, expectation(step.field("expect")), captures);
            for (String property : captures.values()) {
                CompiledFlow.pointer(property, captureNode.path);
            }
            return built;
        } catch (LoadConfigurationException e) {
            throw error(step.path, e.getMessage());
        } catch (JacksonException e) {
            throw error(step.path + ".body", "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private Expectation expectation(Node expect) {
        if (expect.missing()) {
            return Expectation.ANY_SUCCESS;
        }
        expect.requireObject();
        expect.allowOnly("status", "contentType", "json");
        Set<Integer> statuses = new HashSet<>();
        Node status = expect.field("status");
        if (!status.missing()) {
            if (status.node.isArray()) {
                for (int i = 0; i < status.node.size(); i++) {
                    statuses.add(status.element(i).integer(100, 599));
                }
            } else {
                statuses.add(status.integer(100, 599));
            }
        }
        List<String> json = new ArrayList<>();
        Node jsonNode = expect.field("json");
        if (!jsonNode.missing()) {
            if (jsonNode.node.isTextual()) {
                json.add(jsonNode.node.asText());
            } else {
                jsonNode.requireArray();
                for (int i = 0; i < jsonNode.node.size(); i++) {
                    json.add(jsonNode.element(i).requiredText());
                }
            }
            for (String property : json) {
                CompiledFlow.pointer(property, jsonNode.path);
            }
        }
        return new Expectation(statuses, expect.field("contentType").text(null), json);
    }

    private LoadConfigurationException error(String path, String problem) {
        return text.error(path, problem);
    }
}
