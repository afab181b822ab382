package io.perfgate.core.load;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.load.CompiledFlow.CompiledStep;
import io.perfgate.core.result.Json;

import java.io.IOException;

/**
 * Whether an answer is what its step expects: the status, the content type, the JSON properties that must be
 * present; and the values the step captures for later steps, stored in the iteration.
 */
final class ResponseCheck {
    /** What was wrong with an answer. */
    record Problem(ErrorKind kind, String message) {
    }

    private ResponseCheck() {
    }

    /** The answer's first problem, or null when it is as expected (captures then done). */
    static Problem check(Exchange exchange) {
        CompiledStep step = exchange.step;
        if (!step.expect.acceptsStatus(exchange.status)) {
            return new Problem(ErrorKind.STATUS, "status " + exchange.status + ", expected "
                    + step.expect.describeStatuses() + exchange.bodySnippet());
        }
        if (!step.expect.acceptsContentType(exchange.contentType)) {
            return new Problem(ErrorKind.EXPECTATION, "content type " + (exchange.contentType == null ? "missing"
                    : "'" + exchange.contentType + "'") + ", expected " + step.expect.contentType());
        }
        if (step.needsBody) {
            String problem = checkBody(exchange, exchange.iteration, step);
            return problem == null ? null : new Problem(ErrorKind.EXPECTATION, problem);
        }
        return null;
    }

    private static String checkBody(Exchange exchange, Iteration iteration, CompiledStep step) {
        if (exchange.bodyOverflow) {
            return "the body is over " + QuantityKind.SIZE.format(Exchange.MAX_BODY_BYTES) + ", too large to check";
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(exchange.body, 0, exchange.bodyLength);
        } catch (IOException e) {
            return "the body is not JSON (" + Failures.firstLine(e.getMessage()) + ")" + exchange.bodySnippet();
        }
        if (json == null || json.isMissingNode()) {
            return "the body is empty, expected JSON";
        }
        for (JsonPointer pointer : step.jsonPresent) {
            if (json.at(pointer).isMissingNode()) {
                return "JSON property " + pointer + " is missing" + exchange.bodySnippet();
            }
        }
        for (int i = 0; i < step.captureNames.length; i++) {
            JsonNode value = json.at(step.capturePointers[i]);
            if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
                return "cannot capture {" + step.captureNames[i] + "}: JSON property " + step.capturePointers[i]
                        + (value.isMissingNode() ? " is missing" : " is not a single value") + exchange.bodySnippet();
            }
            iteration.variables().put(step.captureNames[i], value.asText());
        }
        return null;
    }
}
