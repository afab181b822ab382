package io.perfgate.core.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfgate.core.load.LoadConfigurationException;
import io.perfgate.core.load.ScenarioFile;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the imports of a file, YAML or JSON. Gates are written as in a load scenario file (the same blocks, bounds,
 * levels), and {@code endpoints} names the engine's labels (JMeter sampler labels, k6 {@code name} tags, Gatling
 * request names, HdrHistogram log tags):
 *
 * <pre>{@code
 * imports:
 *   - name: checkout                          # names the result: import.yaml#checkout
 *     files: [target/jmeter/results/*.csv]    # paths or globs, relative to the project; several are merged
 *     format: jmeter-csv                      # optional: jmeter-csv, jmeter-xml, hdr-log, k6-json, k6-summary,
 *                                             #   gatling-stats; detected from the content when left out
 *     unit: us                                # hdr-log only: the unit of the recorded values (default ns)
 *     gates:
 *       latency: {p95: 150ms..200ms}
 *       errorRate: {max: 1%}
 *     endpoints:
 *       GET /api/v1/users: {latency: {p99: 300ms}}
 * }</pre>
 */
public final class ImportFile {
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L);

    private ImportFile() {
    }

    /** @throws LoadConfigurationException naming the file and field when the file is unreadable or invalid */
    public static List<ImportDefinition> read(Path file) {
        JsonNode root = tree(file);
        String label = file.getFileName().toString();
        JsonNode imports = root.path("imports");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("imports")) {
                throw error(file, field, "is not a known field; expected imports");
            }
        }
        if (!imports.isArray() || imports.isEmpty()) {
            throw error(file, "imports", "must be a list of at least one import");
        }
        List<ImportDefinition> definitions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < imports.size(); i++) {
            String path = "imports[" + i + "]";
            JsonNode entry = imports.get(i);
            if (!entry.isObject()) {
                throw error(file, path, "must be a mapping of fields");
            }
            for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!List.of("name", "files", "format", "unit", "gates", "endpoints").contains(field)) {
                    throw error(file, path + "." + field, "is not a known field here; expected one of"
                            + " [name, files, format, unit, gates, endpoints]");
                }
            }
            String name = entry.path("name").asText("").strip();
            if (name.isEmpty()) {
                throw error(file, path + ".name", "is missing; every import needs a name");
            }
            if (!names.add(name)) {
                throw error(file, path + ".name", "'" + name + "' names two imports; names must be unique");
            }
            List<String> files = new ArrayList<>();
            JsonNode filesNode = entry.path("files");
            if (filesNode.isTextual()) {
                files.add(filesNode.asText());
            } else if (filesNode.isArray()) {
                filesNode.forEach(node -> files.add(node.asText()));
            }
            if (files.isEmpty() || files.stream().anyMatch(String::isBlank)) {
                throw error(file, path + ".files", "is missing; give the result files (paths or globs)");
            }
            ImportFormat format;
            try {
                format = entry.has("format") ? ImportFormat.of(entry.path("format").asText()) : null;
            } catch (ImportException e) {
                throw error(file, path + ".format", e.getMessage());
            }
            String unit = entry.path("unit").asText("ns").strip().toLowerCase(Locale.ROOT);
            if (!UNITS.containsKey(unit)) {
                throw error(file, path + ".unit", "'" + unit + "' is not a unit; expected one of " + UNITS.keySet());
            }
            definitions.add(new ImportDefinition(label, name, files, format, UNITS.get(unit),
                    ScenarioFile.gateBlocks(file, entry, path, label + " import " + name)));
        }
        return definitions;
    }

    private static JsonNode tree(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new LoadConfigurationException(file + ": no such import file");
        }
        try {
            ObjectMapper mapper = name.endsWith(".json") ? Json.mapper() : ScenarioFile.yamlMapper();
            JsonNode tree = mapper.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new LoadConfigurationException(file + ": the file is empty or not a mapping; declare imports");
            }
            return tree;
        } catch (JacksonException e) {
            throw new LoadConfigurationException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
                    + ": not valid " + (name.endsWith(".json") ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LoadConfigurationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static LoadConfigurationException error(Path file, String field, String problem) {
        return new LoadConfigurationException(file + ": " + field + ": " + problem);
    }
}
