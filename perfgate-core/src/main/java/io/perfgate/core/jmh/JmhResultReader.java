package io.perfgate.core.jmh;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.perfgate.core.result.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result file ({@code -rf json}). JMH writes NaN and infinities as the strings
 * {@code "NaN"}, {@code "+INF"} and {@code "-INF"}; older versions prefix profiler metrics with "·".
 * Anything that does not have the shape JMH writes is rejected with the file, the benchmark and the field.
 */
public final class JmhResultReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JmhResultReader() {
    }

    /** Reads every run in the file, in the file's order. */
    public static List<JmhRun> read(Path file) {
        return runs(readTree(file), file.toString());
    }

    /**
     * Parses the content of a JMH JSON result.
     *
     * @param source names the content in errors, usually the file
     */
    public static List<JmhRun> parse(String json, String source) {
        return runs(tree(json, source), source);
    }

    /**
     * Writes into {@code target} the entries of {@code source} (a later run of some of the same benchmarks),
     * each replacing the target's entry of the same benchmark, mode and parameters, or added at the end; the
     * target's other entries stay as they are. Both are JMH JSON results; the target is rewritten in place.
     *
     * @return the runs of {@code source}, read once for both
     */
    static List<JmhRun> replaceEntries(Path target, Path source) {
        ArrayNode merged = readTree(target);
        ArrayNode entries = readTree(source);
        for (JsonNode entry : entries) {
            int index = indexOf(merged, entry);
            if (index < 0) {
                merged.add(entry);
            } else {
                merged.set(index, entry);
            }
        }
        try {
            AtomicFiles.write(target, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
        } catch (JacksonException e) {
            throw new JmhResultException(target + ": cannot write JMH's merged result: " + e.getMessage(), e);
        }
        return runs(entries, source.toString());
    }

    private static ArrayNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new JmhResultException(file + ": JMH wrote no result file");
        }
        try {
            return tree(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new JmhResultException(file + ": cannot read JMH's result: " + e.getMessage(), e);
        }
    }

    private static ArrayNode tree(String json, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new JmhResultException(source + ": not a valid JMH JSON result (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new JmhResultException(source + ": the JMH result is empty; JMH may have been stopped before it"
                    + " wrote its results");
        }
        if (!(tree instanceof ArrayNode array)) {
            throw new JmhResultException(source + ": not a JMH JSON result: expected an array of benchmark runs, found "
                    + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return array;
    }

    private static List<JmhRun> runs(ArrayNode tree, String source) {
        List<JmhRun> runs = new ArrayList<>();
        for (int index = 0; index < tree.size(); index++) {
            runs.add(run(tree.get(index), new Where(source, index)));
        }
        return runs;
    }

    private static int indexOf(ArrayNode entries, JsonNode entry) {
        for (int index = 0; index < entries.size(); index++) {
            JsonNode other = entries.get(index);
            if (other.path("benchmark").equals(entry.path("benchmark")) && other.path("mode").equals(entry.path("mode"))
                    && other.path("params").equals(entry.path("params"))) {
                return index;
            }
        }
        return -1;
    }

    private static JmhRun run(JsonNode node, Where where) {
        if (!node.isObject()) {
            throw where.error("is not an object");
        }
        String benchmark = text(node, "benchmark", where, true);
        where = where.named(benchmark);
        String modeLabel = text(node, "mode", where, true);
        BenchmarkMode mode = BenchmarkMode.ofShortLabel(modeLabel).orElse(null);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            if (!paramsNode.isObject()) {
                throw where.error("has 'params' that is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = paramsNode.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw where.error("has no primaryMetric");
        }
        JmhMetric primary = metric(primaryNode, where, "primaryMetric");
        Map<String, JmhMetric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = node.get("secondaryMetrics");
        if (secondaryNode != null && !secondaryNode.isNull()) {
            if (!secondaryNode.isObject()) {
                throw where.error("has 'secondaryMetrics' that is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = secondaryNode.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().startsWith("\u00b7") ? field.getKey().substring(1) : field.getKey();
                if (!field.getValue().isObject()) {
                    throw where.error("has secondary metric '" + field.getKey() + "' that is not an object");
                }
                secondary.put(name, metric(field.getValue(), where, "secondaryMetrics." + field.getKey()));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        JsonNode jvmArgsNode = node.get("jvmArgs");
        if (jvmArgsNode != null && jvmArgsNode.isArray()) {
            jvmArgsNode.forEach(argument -> jvmArgs.add(argument.asText()));
        }
        return new JmhRun(
                text(node, "jmhVersion", where, false),
                benchmark,
                mode(modeLabel, mode, where),
                integer(node, "threads", where, 1),
                integer(node, "forks", where, 0),
                text(node, "jdkVersion", where, false),
                text(node, "vmName", where, false),
                text(node, "vmVersion", where, false),
                jvmArgs,
                integer(node, "warmupIterations", where, 0),
                text(node, "warmupTime", where, false),
                integer(node, "measurementIterations", where, 0),
                text(node, "measurementTime", where, false),
                params,
                primary,
                secondary);
    }

    private static BenchmarkMode mode(String label, BenchmarkMode mode, Where where) {
        if (mode == null) {
            throw where.error("has mode '" + label + "'; expected one of thrpt, avgt, sample, ss");
        }
        return mode;
    }

    private static JmhMetric metric(JsonNode node, Where where, String name) {
        JsonNode score = node.get("score");
        if (score == null) {
            throw where.error("has no " + name + ".score");
        }
        String unit = text(node, "scoreUnit", where.field(name), true);
        List<List<Double>> rawData = new ArrayList<>();
        JsonNode rawNode = node.get("rawData");
        if (rawNode != null && !rawNode.isNull()) {
            for (JsonNode fork : array(rawNode, where, name + ".rawData")) {
                List<Double> iterations = new ArrayList<>();
                for (JsonNode iteration : array(fork, where, name + ".rawData")) {
                    iterations.add(number(iteration, where, name + ".rawData"));
                }
                rawData.add(iterations);
            }
        }
        List<List<List<JmhMetric.Sample>>> histogram = new ArrayList<>();
        JsonNode histogramNode = node.get("rawDataHistogram");
        if (histogramNode != null && !histogramNode.isNull()) {
            String field = name + ".rawDataHistogram";
            for (JsonNode fork : array(histogramNode, where, field)) {
                List<List<JmhMetric.Sample>> iterations = new ArrayList<>();
                for (JsonNode iteration : array(fork, where, field)) {
                    List<JmhMetric.Sample> samples = new ArrayList<>();
                    for (JsonNode pair : array(iteration, where, field)) {
                        if (!pair.isArray() || pair.size() != 2 || !pair.get(1).canConvertToLong()
                                || pair.get(1).asLong() < 0) {
                            throw where.error("has an entry " + pair + " in " + field
                                    + " that is not a [value, count] pair");
                        }
                        samples.add(new JmhMetric.Sample(number(pair.get(0), where, field), pair.get(1).asLong()));
                    }
                    iterations.add(samples);
                }
                histogram.add(iterations);
            }
        }
        JsonNode error = node.get("scoreError");
        return new JmhMetric(number(score, where, name + ".score"),
                error == null || error.isNull() ? Double.NaN : number(error, where, name + ".scoreError"),
                unit, rawData, histogram);
    }

    private static Iterable<JsonNode> array(JsonNode node, Where where, String field) {
        if (!node.isArray()) {
            throw where.error("has " + field + " that is not an array: " + abbreviate(node.toString()));
        }
        return node;
    }

    /** A number as JMH writes it: a JSON number, or the strings "NaN", "+INF", "-INF". */
    static double number(JsonNode node, Where where, String field) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "+INF":
                case "INF":
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-INF":
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw where.error("has " + field + " = " + abbreviate(node.toString()) + ", which is not a number");
    }

    private static String text(JsonNode node, String field, Where where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw where.error("has no '" + field + "'");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw where.error("has '" + field + "' that is not a text: " + abbreviate(value.toString()));
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, Where where, int absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw where.error("has '" + field + "' = " + abbreviate(value.toString()) + ", which is not a whole number");
        }
        return value.asInt();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Where in the file a problem is: the file, the entry's position and, once read, its benchmark. */
    record Where(String source, int index, String benchmark, String field) {
        Where(String source, int index) {
            this(source, index, null, null);
        }

        Where named(String name) {
            return new Where(source, index, name, field);
        }

        Where field(String name) {
            return new Where(source, index, benchmark, name);
        }

        JmhResultException error(String problem) {
            String entry = "entry " + (index + 1) + (benchmark == null ? "" : " (benchmark " + benchmark + ")");
            return new JmhResultException(source + ": " + entry + (field == null ? "" : " in " + field) + " "
                    + problem);
        }
    }
}
