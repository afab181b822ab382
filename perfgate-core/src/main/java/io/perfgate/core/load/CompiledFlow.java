package io.perfgate.core.load;

import com.fasterxml.jackson.core.JsonPointer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A flow prepared once before the run: templates split, pointers parsed, endpoints numbered. */
final class CompiledFlow {
    final String name;
    final CompiledStep[] steps;
    /** Whether a step fills {uuid}: only then does an iteration draw one (from the JVM's secure random). */
    final boolean usesUuid;

    private CompiledFlow(String name, CompiledStep[] steps) {
        this.name = name;
        this.steps = steps;
        boolean uuid = false;
        for (CompiledStep step : steps) {
            uuid |= step.path.variables().contains("uuid")
                    || (step.body != null && step.body.variables().contains("uuid"));
            for (Template value : step.headerValues) {
                uuid |= value.variables().contains("uuid");
            }
        }
        this.usesUuid = uuid;
    }

    /** One request, ready to fill and send. */
    static final class CompiledStep {
        /** Numbers the steps of every flow of a run, from 0. */
        final int id;
        final int endpointIndex;
        final String endpoint;
        final String method;
        final Template path;
        final String[] headerNames;
        final Template[] headerValues;
        final Template body;
        final byte[] constantBody;
        final Expectation expect;
        final String[] captureNames;
        final JsonPointer[] capturePointers;
        final JsonPointer[] jsonPresent;
        final boolean needsBody;
        /** Sent as is every time (no placeholder, no body), so each connection can build it once. */
        final boolean reusable;

        CompiledStep(int id, int endpointIndex, HttpStep step, Set<String> known, String where) {
            this.id = id;
            this.endpointIndex = endpointIndex;
            this.endpoint = step.endpoint();
            this.method = step.method();
            this.path = Template.compile(step.path(), Template.Escaping.PATH);
            path.requireKnown(known, where + " path");
            this.headerNames = step.headers().keySet().toArray(String[]::new);
            this.headerValues = new Template[headerNames.length];
            for (int i = 0; i < headerNames.length; i++) {
                headerValues[i] = Template.compile(step.headers().get(headerNames[i]), Template.Escaping.NONE);
                headerValues[i].requireKnown(known, where + " header " + headerNames[i]);
            }
            this.body = step.body() == null ? null : Template.compile(step.body(), Template.Escaping.NONE);
            if (body != null) {
                body.requireKnown(known, where + " body");
            }
            this.constantBody = body != null && body.isConstant() ? step.body().getBytes(StandardCharsets.UTF_8) : null;
            this.expect = step.expect();
            this.captureNames = step.captures().keySet().toArray(String[]::new);
            this.capturePointers = new JsonPointer[captureNames.length];
            for (int i = 0; i < captureNames.length; i++) {
                capturePointers[i] = pointer(step.captures().get(captureNames[i]), where + " capture " + captureNames[i]);
            }
            this.jsonPresent = step.expect().jsonPresent().stream()
                    .map(property -> pointer(property, where + " expected JSON property"))
                    .toArray(JsonPointer[]::new);
            this.needsBody = captureNames.length > 0 || jsonPresent.length > 0;
            boolean constantHeaders = true;
            for (Template value : headerValues) {
                constantHeaders &= value.isConstant();
            }
            // GET and HEAD only: HttpCore's RequestContent refuses a request that already has a length
            this.reusable = path.isConstant() && constantHeaders && body == null
                    && (method.equals("GET") || method.equals("HEAD"));
        }

        byte[] body(Map<String, String> variables) {
            if (body == null) {
                return null;
            }
            return constantBody != null ? constantBody : body.fill(variables).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A JSON Pointer ({@code /user/id}) or a top-level property name ({@code id}). */
    static JsonPointer pointer(String property, String where) {
        if (property == null || property.isBlank()) {
            throw new LoadConfigurationException(where + " is empty; give a property name or a JSON Pointer such as /id");
        }
        String text = property.startsWith("/") ? property
                : "/" + property.replace("~", "~0").replace("/", "~1");
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new LoadConfigurationException(where + ": '" + property + "' is not a JSON Pointer: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles every flow; endpoint names are numbered in order of first appearance.
     *
     * @param endpoints filled with the endpoint names, in order
     */
    static CompiledFlow[] compile(List<Flow> flows, List<String> endpoints) {
        CompiledFlow[] compiled = new CompiledFlow[flows.size()];
        int ids = 0;
        for (int f = 0; f < flows.size(); f++) {
            Flow flow = flows.get(f);
            Set<String> known = new HashSet<>(HttpStep.BUILT_INS);
            List<CompiledStep> steps = new ArrayList<>();
            for (int s = 0; s < flow.steps().size(); s++) {
                HttpStep step = flow.steps().get(s);
                int index = endpoints.indexOf(step.endpoint());
                if (index < 0) {
                    endpoints.add(step.endpoint());
                    index = endpoints.size() - 1;
                }
                String where = "flow '" + flow.name() + "' step " + (s + 1) + " (" + step.endpoint() + ")";
                steps.add(new CompiledStep(ids++, index, step, Set.copyOf(known), where));
                known.addAll(step.captures().keySet());
            }
            compiled[f] = new CompiledFlow(flow.name(), steps.toArray(CompiledStep[]::new));
        }
        return compiled;
    }

    /** How many steps the flows have together. */
    static int stepCount(CompiledFlow[] flows) {
        int count = 0;
        for (CompiledFlow flow : flows) {
            count += flow.steps.length;
        }
        return count;
    }
}
