package io.perfgate.core.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.GateReader;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private ScenarioFile(Path file) {
        this.file = file;
        this.fileLabel = file.getFileName().toString();
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
        Node top = new Node(root, "");
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
    private static final class Yaml {
        static final ObjectMapper MAPPER = yamlMapper();

        private static ObjectMapper yamlMapper() {
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
            builder.flow(flow(flows.element(i)));
        }
        Node load = scenario.field("load");
        if (load.missing()) {
            throw error(scenario.path + ".load", "is missing; say how to load the service (model: open, closed,"
                    + " normal, peak or stress)");
        }
        LoadPlan plan = load(load, builder);
        List<GateDeclaration> gates = new ArrayList<>();
        String declaredOn = fileLabel + " scenario " + name;
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

    private LoadPlan load(Node load, LoadScenario.Builder builder) {
        load.requireObject();
        String model = load.field("model").text("open").toLowerCase(Locale.ROOT);
        switch (model) {
            case "open" -> {
                load.allowOnly("model", "rate", "duration", "stages");
                Node stages = load.field("stages");
                if (!stages.missing()) {
                    if (!load.field("rate").missing() || !load.field("duration").missing()) {
                        throw error(load.path, "gives both stages and rate/duration; give one or the other");
                    }
                    stages.requireArray();
                    if (stages.node.isEmpty()) {
                        throw error(stages.path, "is empty; give at least one stage");
                    }
                    List<Stage> list = new ArrayList<>();
                    for (int i = 0; i < stages.node.size(); i++) {
                        Node stage = stages.element(i);
                        stage.requireObject();
                        stage.allowOnly("rate", "duration");
                        String rate = stage.field("rate").requiredText();
                        Duration duration = stage.field("duration").requiredDuration();
                        int range = rate.indexOf("..");
                        try {
                            list.add(range < 0 ? Stage.constant(stage.field("rate").rate(), duration)
                                    : Stage.ramp(rateOf(rate.substring(0, range), stage.field("rate")),
                                    rateOf(rate.substring(range + 2), stage.field("rate")), duration));
                        } catch (LoadConfigurationException e) {
                            throw error(stage.path, e.getMessage());
                        }
                    }
                    builder.shape(new LoadShape.Open(list));
                } else {
                    double rate = load.field("rate").requiredRate();
                    builder.rate(rate, load.field("duration").requiredDuration());
                }
                return LoadPlan.AS_SHAPED;
            }
            case "closed" -> {
                load.allowOnly("model", "users", "thinkTime", "duration");
                Node users = load.field("users");
                if (users.missing()) {
                    throw error(users.path, "is missing; the closed model needs a number of users");
                }
                Node think = load.field("thinkTime");
                builder.users(users.integer(1, 10_000), think.missing() ? Duration.ZERO : think.duration(true),
                        load.field("duration").requiredDuration());
                return LoadPlan.AS_SHAPED;
            }
            case "normal", "peak" -> {
                load.allowOnly("model", "rate", "capacity", "duration", "probeDuration");
                Duration duration = load.field("duration").requiredDuration();
                Double rate = load.field("rate").optionalRate();
                Double capacity = load.field("capacity").optionalRate();
                if (rate != null && capacity != null) {
                    throw error(load.path, "gives both rate and capacity; the normal rate is either given or 70% of"
                            + " the capacity");
                }
                Node probe = load.field("probeDuration");
                // a placeholder shape; the runner replaces it with the normal or peak rate
                builder.shape(LoadShape.Open.constant(rate != null ? rate : capacity != null ? capacity : 1, duration));
                return new LoadPlan(model.equals("normal") ? LoadPlan.Kind.NORMAL : LoadPlan.Kind.PEAK, capacity, rate,
                        duration, probe.missing() ? null : probe.duration(false), null, null, 0, null, null);
            }
            case "stress" -> {
                load.allowOnly("model", "rate", "capacity", "stepRate", "stepDuration", "maxSteps", "p95", "maxErrorRate");
                Double rate = load.field("rate").optionalRate();
                Double capacity = load.field("capacity").optionalRate();
                if (rate == null && capacity == null) {
                    throw error(load.path + ".rate", "is missing; a stress test starts at rate (or at 25% of capacity)");
                }
                Node stepDuration = load.field("stepDuration");
                Node maxSteps = load.field("maxSteps");
                Node p95 = load.field("p95");
                Node errors = load.field("maxErrorRate");
                Duration step = stepDuration.missing() ? LoadPlan.DEFAULT_STEP : stepDuration.duration(false);
                builder.shape(LoadShape.Open.constant(rate != null ? rate : capacity, step));
                try {
                    return new LoadPlan(LoadPlan.Kind.STRESS, capacity, rate, null, null, load.field("stepRate").optionalRate(),
                            step, maxSteps.missing() ? 0 : maxSteps.integer(1, 100),
                            p95.missing() ? null : (double) p95.duration(false).toNanos(),
                            errors.missing() ? null : errors.percent());
                } catch (LoadConfigurationException e) {
                    throw error(load.path, e.getMessage());
                }
            }
            default -> throw error(load.path + ".model", "'" + model + "' is not a load model; expected open, closed,"
                    + " normal, peak or stress");
        }
    }

    private double rateOf(String text, Node where) {
        return Rates.parseRate(text.strip(), source(where.path));
    }

    /** {@code /path/to/file.yaml: scenarios[0].load.rate}, the prefix of value errors. */
    private String source(String path) {
        return file + ": " + (path.startsWith(".") ? path.substring(1) : path);
    }

    private Flow flow(Node flow) {
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
                        .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
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
        if (problem.startsWith(file + ": ")) {
            return new LoadConfigurationException(problem); // already names the file and field
        }
        String field = path.startsWith(".") ? path.substring(1) : path;
        return new LoadConfigurationException(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    /** A node of the file and its path, for messages. */
    private final class Node {
        final JsonNode node;
        final String path;

        Node(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        boolean missing() {
            return node == null || node.isMissingNode() || node.isNull();
        }

        Node field(String name) {
            JsonNode child = node == null ? null : node.get(name);
            return new Node(child, path + "." + name);
        }

        Node element(int index) {
            return new Node(node.get(index), path + "[" + index + "]");
        }

        void requireObject() {
            if (missing() || !node.isObject()) {
                throw error(path, "must be a mapping of fields, got " + describe());
            }
        }

        void requireArray() {
            if (missing() || !node.isArray()) {
                throw error(path, "must be a list, got " + describe());
            }
        }

        void allowOnly(String... names) {
            List<String> allowed = List.of(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw error(path + "." + name, "is not a known field here; expected one of " + allowed);
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
                throw error(path, "must be a text value, got " + describe());
            }
            return node.asText();
        }

        String requiredText() {
            String text = text(null);
            if (text == null || text.isBlank()) {
                throw error(path, "is missing");
            }
            return text;
        }

        boolean bool(boolean fallback) {
            if (missing()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw error(path, "must be true or false, got " + describe());
            }
            return node.asBoolean();
        }

        int integer(int min, int max) {
            return (int) longValue(min, max);
        }

        long longValue(long min, long max) {
            if (missing() || !node.canConvertToLong() || !node.isIntegralNumber()) {
                throw error(path, "must be a whole number, got " + describe());
            }
            long value = node.asLong();
            if (value < min || value > max) {
                throw error(path, value + " is out of range " + QuantityKind.grouped(min) + ".." + QuantityKind.grouped(max));
            }
            return value;
        }

        Duration duration(boolean zeroAllowed) {
            String text = requiredText();
            Duration value = Rates.parseDuration(text, source(path));
            if (!zeroAllowed && value.isZero()) {
                throw error(path, "must be above zero");
            }
            return value;
        }

        Duration requiredDuration() {
            if (missing()) {
                throw error(path, "is missing; give a duration such as 10s");
            }
            return duration(false);
        }

        double rate() {
            String text = requiredText();
            double value = Rates.parseRate(text, source(path));
            if (!(value > 0)) {
                throw error(path, "must be above 0/s");
            }
            return value;
        }

        double requiredRate() {
            if (missing()) {
                throw error(path, "is missing; give a rate such as 200/s");
            }
            return rate();
        }

        Double optionalRate() {
            return missing() ? null : rate();
        }

        double percent() {
            try {
                return QuantityKind.PERCENT.parse(requiredText(), source(path));
            } catch (io.perfgate.core.gate.InvalidGateException e) {
                throw new LoadConfigurationException(e.getMessage(), e);
            }
        }
    }
}
