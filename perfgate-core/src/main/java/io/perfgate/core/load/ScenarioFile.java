package io.perfgate.core.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.load.ScenarioText.Node;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.GateReader;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads load tests from a scenario file, YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}). Strict:
 * an unknown field, a wrong type or a bad value is an error naming the file and the field's path
 * ({@code scenarios[0].flows[1].steps[0].expect.status}). The format:
 *
 * <pre>{@code
 * baseUrl: http://127.0.0.1:8080      # where every request goes; the load goal's baseUrl overrides it
 * allowRemoteHost: false              # true to allow a host that is not loopback
 * defaults:                           # optional; any scenario may override each
 *   connections: 32                   # open model: connections kept (requests wait for a free one)
 *   warmup: 1s                        # not recorded
 *   responseTimeout: 10s
 *   connectTimeout: 5s
 *   maxDuration: 30min                # hard limit per run
 *   maxRequests: 50000000             # hard limit per run
 * scenarios:
 *   - name: users-api                 # unique in the file; names the result
 *     load:
 *       model: open                   # open | closed | normal | peak | stress
 *       rate: 200/s                   # open: constant rate (or stages); normal/peak: the normal rate;
 *                                     # stress: the first step's rate
 *       duration: 10s                 # open, closed, normal, peak
 *       stages:                       # open instead of rate: ramps and plateaus
 *         - {rate: 0/s..200/s, duration: 5s}
 *         - {rate: 200/s, duration: 20s}
 *       users: 10                     # closed
 *       thinkTime: 100ms              # closed
 *       capacity: 1000/s              # normal, peak, stress: known capacity (else normal/peak measure it)
 *       probeDuration: 5s             # normal, peak: capacity probe
 *       stepRate: 50/s                # stress: added each step (default: the first rate)
 *       stepDuration: 5s              # stress
 *       maxSteps: 10                  # stress
 *       p95: 200ms                    # stress: a step breaks above it (default: gates.latency.p95)
 *       maxErrorRate: 1%              # stress: a step breaks above it (default: gates.errorRate.max, else 1%)
 *     flows:
 *       - name: signup
 *         weight: 1                   # relative frequency
 *         steps:
 *           - request: POST /api/v1/users
 *             headers: {X-Trace: perf}
 *             body: {name: "user-{iteration}"}        # JSON (an object, or a string of JSON)
 *             expect: {status: 201, contentType: application/json, json: [id]}
 *             capture: {id: id}                       # {id} for later steps, from JSON property id (or /a/b)
 *           - request: GET /api/v1/users/{id}
 *             endpoint: GET /api/v1/users/{id}        # optional; default "METHOD path"
 *     gates:                          # on the whole scenario
 *       latency: {p95: 150ms..200ms, p99: 500ms}
 *       throughput: {min: 150/s}
 *       errorRate: {max: 1%, level: BLOCKING, allowInconclusive: false}
 *     endpoints:                      # gates per endpoint, by endpoint name
 *       GET /api/v1/users/{id}:
 *         latency: {p95: 100ms}
 * }</pre>
 *
 * Durations: ns, us, ms, s, min. Rates: /s, /min. Statuses default to any 2xx; a redirect is an error, never
 * followed. Placeholders {@code {name}} take captured values and the built-ins {@code {iteration}} and {@code {uuid}}.
 */
public final class ScenarioFile {

    private final Path file;
    private final String fileLabel;
    private final ScenarioText text;

    private ScenarioFile(Path file) {
        this.file = file;
        this.fileLabel = file.getFileName().toString();
        this.text = new ScenarioText(file);
    }

    /**
     * Reads every load test of a file.
     *
     * @param baseUrlOverride a base URL that replaces the file's (the service's port is often known only at build
     *                        time), or null
     * @throws LoadConfigurationException naming the file and the field when the file is unreadable or invalid
     */
    public static List<LoadTestDefinition> read(Path file, String baseUrlOverride) {
        return new ScenarioFile(file).parse(baseUrlOverride);
    }

    private List<LoadTestDefinition> parse(String baseUrlOverride) {
        JsonNode root = readTree();
        Node top = text.root(root);
        top.requireObject();
        top.allowOnly("baseUrl", "allowRemoteHost", "defaults", "scenarios");
        String baseUrl = baseUrlOverride != null && !baseUrlOverride.isBlank() ? baseUrlOverride.strip()
                : top.field("baseUrl").text(null);
        if (baseUrl == null) {
            throw error("baseUrl", "is missing; give the service's URL, such as http://127.0.0.1:8080 (or set the"
                    + " load goal's baseUrl)");
        }
        URI baseUri;
        try {
            baseUri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw error("baseUrl", "'" + baseUrl + "' is not a URL: " + e.getMessage());
        }
        boolean allowRemote = top.field("allowRemoteHost").bool(false);
        Node defaults = top.field("defaults");
        if (!defaults.missing()) {
            defaults.requireObject();
            defaults.allowOnly(SETTINGS);
        }
        Node scenarios = top.field("scenarios");
        if (scenarios.missing()) {
            throw error("scenarios", "is missing; declare at least one scenario");
        }
        scenarios.requireArray();
        if (scenarios.node.isEmpty()) {
            throw error("scenarios", "is empty; declare at least one scenario");
        }
        List<LoadTestDefinition> definitions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < scenarios.node.size(); i++) {
            Node scenario = scenarios.element(i);
            LoadTestDefinition definition = scenario(scenario, defaults, baseUri, allowRemote);
            if (!names.add(definition.methodName())) {
                throw error(scenario.path + ".name", "'" + definition.methodName() + "' names two scenarios; names must be unique");
            }
            definitions.add(definition);
        }
        return definitions;
    }

    private JsonNode readTree() {
        String name = fileLabel.toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".json")) {
            mapper = Json.mapper();
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = Yaml.MAPPER;
        } else {
            throw new LoadConfigurationException(file + ": a load scenario file must end in .yaml, .yml or .json");
        }
        if (!Files.isRegularFile(file)) {
            throw new LoadConfigurationException(file + ": no such scenario file");
        }
        try {
            JsonNode tree = mapper.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw new LoadConfigurationException(file + ": the file is empty");
            }
            return tree;
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            throw new LoadConfigurationException(file + (location == null ? "" : ":" + location.getLineNr() + ":"
                    + location.getColumnNr()) + ": not valid " + (mapper == Json.mapper() ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LoadConfigurationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** YAML support is optional in core; the class loads only when a YAML file is read. */
    /**
     * The one YAML mapper of the files written in this syntax (scenario and import files), made on first use so a
     * missing jackson-dataformat-yaml is named with the fix.
     */
    public static ObjectMapper yamlMapper() {
        return Yaml.MAPPER;
    }

    private static final class Yaml {
        static final ObjectMapper MAPPER = create();

        private static ObjectMapper create() {
            try {
                return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            } catch (NoClassDefFoundError e) {
                throw new LoadConfigurationException("reading YAML scenario files needs"
                        + " com.fasterxml.jackson.dataformat:jackson-dataformat-yaml on the classpath; add it, or"
                        + " write the scenarios as JSON", e);
            }
        }
    }

    private static final String[] SETTINGS = {"connections", "warmup", "responseTimeout", "connectTimeout",
            "maxDuration", "maxRequests"};

    private LoadTestDefinition scenario(Node scenario, Node defaults, URI baseUri, boolean allowRemote) {
        scenario.requireObject();
        List<String> allowed = new ArrayList<>(List.of("name", "load", "flows", "gates", "endpoints"));
        allowed.addAll(List.of(SETTINGS));
        scenario.allowOnly(allowed.toArray(String[]::new));
        String name = scenario.field("name").text(null);
        if (name == null || name.isBlank()) {
            throw error(scenario.path + ".name", "is missing; every scenario needs a name");
        }
        LoadScenario.Builder builder = LoadScenario.builder(null).baseUri(baseUri).name(name).allowRemoteHost(allowRemote);
        Node connections = setting(scenario, defaults, "connections");
        if (!connections.missing()) {
            builder.connections(connections.integer(1, 10_000));
        }
        Node warmup = setting(scenario, defaults, "warmup");
        if (!warmup.missing()) {
            builder.warmup(warmup.duration(true));
        }
        Node responseTimeout = setting(scenario, defaults, "responseTimeout");
        if (!responseTimeout.missing()) {
            builder.responseTimeout(responseTimeout.duration(false));
        }
        Node connectTimeout = setting(scenario, defaults, "connectTimeout");
        if (!connectTimeout.missing()) {
            builder.connectTimeout(connectTimeout.duration(false));
        }
        Node maxDuration = setting(scenario, defaults, "maxDuration");
        if (!maxDuration.missing()) {
            builder.maxDuration(maxDuration.duration(false));
        }
        Node maxRequests = setting(scenario, defaults, "maxRequests");
        if (!maxRequests.missing()) {
            builder.maxRequests(maxRequests.longValue(1, Long.MAX_VALUE));
        }
        Node flows = scenario.field("flows");
        if (flows.missing()) {
            throw error(scenario.path + ".flows", "is missing; describe at least one flow of requests");
        }
        flows.requireArray();
        if (flows.node.isEmpty()) {
            throw error(flows.path, "is empty; describe at least one flow of requests");
        }
        for (int i = 0; i < flows.node.size(); i++) {
            builder.flow(new FlowReader(text).flow(flows.element(i)));
        }
        Node load = scenario.field("load");
        if (load.missing()) {
            throw error(scenario.path + ".load", "is missing; say how to load the service (model: open, closed,"
                    + " normal, peak or stress)");
        }
        LoadPlan plan = new LoadPlanReader(text).load(load, builder);
        List<GateDeclaration> gates = gateBlocks(scenario, fileLabel + " scenario " + name);
        LoadScenario built;
        try {
            built = builder.build();
        } catch (LoadConfigurationException e) {
            throw error(scenario.path, e.getMessage());
        }
        LoadTestDefinition definition = new LoadTestDefinition("load:" + fileLabel + ":" + name, className(),
                name, null, built, plan, gates);
        try {
            LoadTestRunner.validate(definition);
        } catch (LoadConfigurationException e) {
            throw error(scenario.path, e.getMessage());
        }
        return definition;
    }

    /** The file's name, so a result's label reads {@code users-load.yaml#browse}. */
    private String className() {
        return fileLabel;
    }

    private static Node setting(Node scenario, Node defaults, String field) {
        Node own = scenario.field(field);
        return own.missing() && !defaults.missing() ? defaults.field(field) : own;
    }

    private String source(String path) {
        return text.source(path);
    }

    /**
     * Reads the gate blocks of one entry of another file written in this file's syntax (perfgate:import's import
     * file): {@code gates} on the whole result, {@code endpoints} per endpoint name. Errors name the file and field.
     *
     * @param path the entry's path in the file, for messages: {@code imports[0]}
     */
    public static List<GateDeclaration> gateBlocks(Path file, JsonNode entry, String path, String declaredOn) {
        ScenarioFile reader = new ScenarioFile(file);
        return reader.gateBlocks(new Node(reader.text, entry, path), declaredOn);
    }

    private List<GateDeclaration> gateBlocks(Node scenario, String declaredOn) {
        List<GateDeclaration> gates = new ArrayList<>();
        Node overall = scenario.field("gates");
        if (!overall.missing()) {
            gates.addAll(gates(overall, declaredOn, null));
        }
        Node endpoints = scenario.field("endpoints");
        if (!endpoints.missing()) {
            endpoints.requireObject();
            for (Iterator<String> it = endpoints.node.fieldNames(); it.hasNext(); ) {
                String endpoint = it.next();
                gates.addAll(gates(endpoints.field(endpoint), declaredOn + " endpoint " + endpoint, endpoint));
            }
        }
        return gates;
    }

    private List<GateDeclaration> gates(Node gates, String declaredOn, String scope) {
        gates.requireObject();
        gates.allowOnly("latency", "throughput", "errorRate");
        List<GateDeclaration> list = new ArrayList<>();
        for (Iterator<String> it = gates.node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            GateType type = switch (key) {
                case "latency" -> GateType.LATENCY;
                case "throughput" -> GateType.THROUGHPUT;
                default -> GateType.ERROR_RATE;
            };
            Node gate = gates.field(key);
            gate.requireObject();
            Map<String, String> bounds = new LinkedHashMap<>();
            Level level = Level.BLOCKING;
            boolean allowInconclusive = false;
            List<String> metrics = io.perfgate.core.gate.Metric.of(type).stream()
                    .map(io.perfgate.core.gate.Metric::attribute).toList();
            for (Iterator<String> names = gate.node.fieldNames(); names.hasNext(); ) {
                String attribute = names.next();
                Node value = gate.field(attribute);
                if (attribute.equals("level")) {
                    String text = value.requiredText().toUpperCase(Locale.ROOT);
                    try {
                        level = Level.valueOf(text);
                    } catch (IllegalArgumentException e) {
                        throw error(value.path, "'" + value.node.asText() + "' is not a level; expected BLOCKING,"
                                + " WARNING or ADVISORY");
                    }
                } else if (attribute.equals("allowInconclusive")) {
                    allowInconclusive = value.bool(false);
                } else if (metrics.contains(attribute)) {
                    bounds.put(attribute, value.requiredText());
                } else {
                    throw error(value.path, "is not a bound of " + key + "; expected one of " + metrics
                            + ", level or allowInconclusive");
                }
            }
            if (bounds.isEmpty()) {
                throw error(gate.path, "sets no bound; set at least one of " + metrics);
            }
            GateDeclaration written = new GateDeclaration(type.declarationName(), level, allowInconclusive,
                    declaredOn, bounds, scope);
            try {
                list.add(GateReader.read(written, source(gate.path),
                        (attribute, text) -> source(gate.path + "." + attribute)).declaration());
            } catch (io.perfgate.core.gate.InvalidGateException e) {
                throw new LoadConfigurationException(e.getMessage(), e);
            }
        }
        return list;
    }

    private LoadConfigurationException error(String path, String problem) {
        return text.error(path, problem);
    }
}
