package io.perfgate.core.load;

import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.perfgate.core.load.LoadGeneratorTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScenarioFileTest {
    @TempDir
    Path dir;

    static final String YAML = """
            baseUrl: http://127.0.0.1:8080
            defaults:
              connections: 8
              warmup: 500ms
            scenarios:
              - name: users
                responseTimeout: 2s
                load: {model: open, rate: 100/s, duration: 3s}
                flows:
                  - name: browse
                    weight: 3
                    steps:
                      - request: GET /api/v1/users
                        headers: {Accept: application/json}
                        expect: {status: 200, contentType: application/json}
                  - name: signup
                    steps:
                      - request: POST /api/v1/users
                        body: {name: "user-{iteration}", age: 3}
                        expect: {status: [201], json: [id]}
                        capture: {id: id}
                      - request: GET /api/v1/users/{id}
                gates:
                  latency: {p95: 150ms..200ms, p99: 500ms}
                  errorRate: {max: 1%, level: WARNING}
                endpoints:
                  GET /api/v1/users/{id}:
                    latency: {p95: 100ms, allowInconclusive: true}
              - name: ramp
                load:
                  model: open
                  stages:
                    - {rate: 10/s..100/s, duration: 2s}
                    - {rate: 100/s, duration: 1s}
                flows:
                  - {name: health, steps: [{request: GET /api/v1/health}]}
              - name: users-closed
                load: {model: closed, users: 4, thinkTime: 50ms, duration: 2s}
                flows:
                  - {name: health, steps: [{request: GET /api/v1/health}]}
              - name: capacity
                load: {model: stress, rate: 50/s, stepRate: 25/s, stepDuration: 1s, maxSteps: 4, p95: 50ms}
                flows:
                  - {name: health, steps: [{request: GET /api/v1/health}]}
            """;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsScenariosFlowsAndGatesFromYaml() throws IOException {
        List<LoadTestDefinition> tests = ScenarioFile.read(write("users-load.yaml", YAML), null);

        assertEquals(4, tests.size());
        LoadTestDefinition users = tests.get(0);
        assertEquals("load:users-load.yaml:users", users.id());
        assertEquals("users-load.yaml", users.className());
        assertEquals("users-load.yaml#users", LoadTestRunner.declared(users).label());
        assertEquals("users", users.methodName());
        LoadScenario scenario = users.scenario();
        assertEquals("http://127.0.0.1:8080", scenario.baseUri().toString());
        assertEquals(8, scenario.connections());
        assertEquals(Duration.ofMillis(500), scenario.warmup());
        assertEquals(Duration.ofSeconds(2), scenario.responseTimeout());
        assertEquals(LoadShape.Open.constant(100, Duration.ofSeconds(3)), scenario.shape());
        assertEquals(3.0, scenario.flows().get(0).weight());
        HttpStep post = scenario.flows().get(1).steps().get(0);
        assertEquals("{\"name\":\"user-{iteration}\",\"age\":3}", post.body());
        assertEquals(Map.of("id", "id"), post.captures());
        assertEquals(java.util.Set.of(201), post.expect().statuses());
        assertEquals("GET /api/v1/users/{id}", scenario.flows().get(1).steps().get(1).endpoint());
        assertEquals(Map.of("Accept", "application/json"), scenario.flows().get(0).steps().get(0).headers());

        List<GateDeclaration> gates = users.gates();
        assertEquals(3, gates.size());
        assertEquals(new GateDeclaration("LatencyGate", io.perfgate.core.gate.Level.BLOCKING, false,
                "users-load.yaml scenario users", Map.of("p95", "150ms..200ms", "p99", "500ms"), null), gates.get(0));
        assertEquals(io.perfgate.core.gate.Level.WARNING, gates.get(1).level());
        assertEquals("GET /api/v1/users/{id}", gates.get(2).scope());
        assertEquals(true, gates.get(2).allowInconclusive());

        LoadShape.Open ramp = assertInstanceOf(LoadShape.Open.class, tests.get(1).scenario().shape());
        assertEquals(List.of(Stage.ramp(10, 100, Duration.ofSeconds(2)), Stage.constant(100, Duration.ofSeconds(1))),
                ramp.stages());
        assertEquals(new LoadShape.Closed(4, Duration.ofMillis(50), Duration.ofSeconds(2)), tests.get(2).scenario().shape());
        LoadPlan stress = tests.get(3).plan();
        assertEquals(LoadPlan.Kind.STRESS, stress.kind());
        assertEquals(50.0, stress.rate());
        assertEquals(25.0, stress.stepRate());
        assertEquals(4, stress.maxSteps());
        assertEquals(50e6, stress.p95BoundNanos());
        assertNull(stress.maxErrorRate());
    }

    @Test
    void readsTheSameFromJsonAndTakesABaseUrlOverride() throws IOException {
        String json = """
                {"scenarios": [{"name": "health", "load": {"model": "normal", "capacity": "400/s", "duration": "2s"},
                  "flows": [{"name": "h", "steps": [{"request": "GET /health", "expect": {"status": 200}}]}],
                  "gates": {"throughput": {"min": "100/s"}}}]}
                """;
        List<LoadTestDefinition> tests = ScenarioFile.read(write("health.json", json), "http://127.0.0.1:9999");

        assertEquals("http://127.0.0.1:9999", tests.get(0).scenario().baseUri().toString());
        assertEquals(LoadPlan.Kind.NORMAL, tests.get(0).plan().kind());
        assertEquals(400.0, tests.get(0).plan().capacity());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field | 'load: {model: open, rate: 10/s, durration: 1s}' | scenarios[0].load.durration: is not a known field here",
            "bad rate | 'load: {model: open, rate: 10 per second, duration: 1s}' | scenarios[0].load.rate: cannot read '10 per second'",
            "bad duration | 'load: {model: open, rate: 10/s, duration: 10 parsecs}' | scenarios[0].load.duration: cannot read '10 parsecs'",
            "bad model | 'load: {model: chaos, duration: 1s}' | scenarios[0].load.model: 'chaos' is not a load model",
            "no duration | 'load: {model: open, rate: 10/s}' | scenarios[0].load.duration: is missing",
            "bad status | 'load: {model: open, rate: 10/s, duration: 1s}\n    flows: [{name: f, steps: [{request: GET /, expect: {status: 999}}]}]' | scenarios[0].flows[0].steps[0].expect.status: 999 is out of range",
            "bad request | 'load: {model: open, rate: 10/s, duration: 1s}\n    flows: [{name: f, steps: [{request: /users}]}]' | scenarios[0].flows[0].steps[0].request: '/users' should be a method and a path",
            "absolute path | 'load: {model: open, rate: 10/s, duration: 1s}\n    flows: [{name: f, steps: [{request: GET http://elsewhere/}]}]' | must start with a single '/'",
            "unknown variable | 'load: {model: open, rate: 10/s, duration: 1s}\n    flows: [{name: f, steps: [{request: \"GET /users/{id}\"}]}]' | uses {id}, which no earlier step captures",
            "bad gate bound | 'load: {model: open, rate: 10/s, duration: 1s}\n    gates: {latency: {p95: fast}}' | scenarios[0].gates.latency.p95: cannot read 'fast'",
            "unknown gate metric | 'load: {model: open, rate: 10/s, duration: 1s}\n    gates: {latency: {p42: 1ms}}' | scenarios[0].gates.latency.p42: is not a bound of latency",
            "unknown endpoint | 'load: {model: open, rate: 10/s, duration: 1s}\n    endpoints: {GET /nope: {latency: {p95: 1ms}}}' | the scenario has no endpoint 'GET /nope'",
    })
    void malformedFilesNameTheFileAndTheField(String what, String scenarioFields, String expected) throws IOException {
        String content = """
                baseUrl: http://127.0.0.1:8080
                scenarios:
                  - name: s
                    FIELDS
                """.replace("FIELDS", scenarioFields);
        if (!content.contains("flows:")) {
            content += "    flows: [{name: f, steps: [{request: GET /}]}]\n";
        }
        Path file = write("bad.yaml", content);

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class,
                () -> ScenarioFile.read(file, null), what);
        assertContains(error.getMessage(), file.toString(), expected);
    }

    @Test
    void syntaxErrorsNameTheLine() throws IOException {
        Path file = write("broken.yaml", "baseUrl: http://127.0.0.1:1\nscenarios:\n  - name: [unclosed\n");

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class, () -> ScenarioFile.read(file, null));
        assertContains(error.getMessage(), file + ":", "not valid YAML");
    }

    @Test
    void aMissingFileOrUnknownFormatIsAnError() {
        assertContains(assertThrows(LoadConfigurationException.class,
                () -> ScenarioFile.read(dir.resolve("none.yaml"), null)).getMessage(), "no such scenario file");
        assertContains(assertThrows(LoadConfigurationException.class,
                () -> ScenarioFile.read(dir.resolve("x.txt"), null)).getMessage(), "must end in .yaml, .yml or .json");
    }

    @Test
    void aStressPlanIsCheckedAsAWholeAgainstTheScenarioLimitsWhenTheFileIsRead() throws IOException {
        // the red team's plan: every 2 s step fits maxDuration, the ten of them (and their 555 requests) do not
        Path file = write("stress.yaml", """
                baseUrl: http://127.0.0.1:1
                scenarios:
                  - name: climb
                    maxDuration: 5s
                    maxRequests: 40
                    load: {model: stress, rate: 5/s, stepRate: 5/s, stepDuration: 2s, maxSteps: 10, p95: 1s}
                    flows: [{name: f, steps: [{request: GET /}]}]
                """);

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class, () -> ScenarioFile.read(file, null));

        assertContains(error.getMessage(), file + ": scenarios[0]: the stress plan of load scenario 'climb'",
                "could last 21 s but maxDuration is 5 s");
    }
}
