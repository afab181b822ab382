package io.perfgate.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.perfgate.core.gate.QuantityKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A scenario file being read: its nodes, each with its path ({@code scenarios[0].load.rate}), and the errors
 * that name the file and that path.
 */
final class ScenarioText {
    private final Path file;

    ScenarioText(Path file) {
        this.file = file;
    }

    Node root(JsonNode tree) {
        return new Node(this, tree, "");
    }

    LoadConfigurationException error(String path, String problem) {
        if (problem.startsWith(file + ": ")) {
            return new LoadConfigurationException(problem); // already names the file and field
        }
        String field = path.startsWith(".") ? path.substring(1) : path;
        return new LoadConfigurationException(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    /** {@code /path/to/file.yaml: scenarios[0].load.rate}, the prefix of value errors. */
    String source(String path) {
        return file + ": " + (path.startsWith(".") ? path.substring(1) : path);
    }

    /** A node of the file and its path, for messages. */
    static final class Node {
        private final ScenarioText owner;
        final JsonNode node;
        final String path;

        Node(ScenarioText owner, JsonNode node, String path) {
            this.owner = owner;
            this.node = node;
            this.path = path;
        }

        boolean missing() {
            return node == null || node.isMissingNode() || node.isNull();
        }

        Node field(String name) {
            JsonNode child = node == null ? null : node.get(name);
            return new Node(owner, child, path + "." + name);
        }

        Node element(int index) {
            return new Node(owner, node.get(index), path + "[" + index + "]");
        }

        void requireObject() {
            if (missing() || !node.isObject()) {
                throw owner.error(path, "must be a mapping of fields, got " + describe());
            }
        }

        void requireArray() {
            if (missing() || !node.isArray()) {
                throw owner.error(path, "must be a list, got " + describe());
            }
        }

        void allowOnly(String... names) {
            List<String> allowed = List.of(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw owner.error(path + "." + name, "is not a known field here; expected one of " + allowed);
                }
            }
        }

        String describe() {
            if (missing()) {
                return "nothing";
            }
            JsonNodeType type = node.getNodeType();
            return type.name().toLowerCase(Locale.ROOT) + " " + node;
        }

        String text(String fallback) {
            if (missing()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw owner.error(path, "must be a text value, got " + describe());
            }
            return node.asText();
        }

        String requiredText() {
            String text = text(null);
            if (text == null || text.isBlank()) {
                throw owner.error(path, "is missing");
            }
            return text;
        }

        boolean bool(boolean fallback) {
            if (missing()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw owner.error(path, "must be true or false, got " + describe());
            }
            return node.asBoolean();
        }

        int integer(int min, int max) {
            return (int) longValue(min, max);
        }

        long longValue(long min, long max) {
            if (missing() || !node.canConvertToLong() || !node.isIntegralNumber()) {
                throw owner.error(path, "must be a whole number, got " + describe());
            }
            long value = node.asLong();
            if (value < min || value > max) {
                throw owner.error(path, value + " is out of range " + QuantityKind.grouped(min) + ".." + QuantityKind.grouped(max));
            }
            return value;
        }

        Duration duration(boolean zeroAllowed) {
            String text = requiredText();
            Duration value = Rates.parseDuration(text, owner.source(path));
            if (!zeroAllowed && value.isZero()) {
                throw owner.error(path, "must be above zero");
            }
            return value;
        }

        Duration requiredDuration() {
            if (missing()) {
                throw owner.error(path, "is missing; give a duration such as 10s");
            }
            return duration(false);
        }

        double rate() {
            String text = requiredText();
            double value = Rates.parseRate(text, owner.source(path));
            if (!(value > 0)) {
                throw owner.error(path, "must be above 0/s");
            }
            return value;
        }

        double requiredRate() {
            if (missing()) {
                throw owner.error(path, "is missing; give a rate such as 200/s");
            }
            return rate();
        }

        Double optionalRate() {
            return missing() ? null : rate();
        }

        double percent() {
            try {
                return QuantityKind.PERCENT.parse(requiredText(), owner.source(path));
            } catch (io.perfgate.core.gate.InvalidGateException e) {
                throw new LoadConfigurationException(e.getMessage(), e);
            }
        }
    }
}
