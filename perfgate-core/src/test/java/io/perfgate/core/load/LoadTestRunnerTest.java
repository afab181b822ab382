package io.perfgate.core.load;

import com.sun.net.httpserver.HttpServer;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.perfgate.core.load.LoadGeneratorTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadTestRunnerTest {
    private static TestService service;
    @TempDir
    Path results;

    @BeforeAll
    static void start() throws IOException {
        service = new TestService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static GateDeclaration gate(String type, String scope, String... bounds) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < bounds.length; i += 2) {
            map.put(bounds[i], bounds[i + 1]);
        }
        return new GateDeclaration(type, Level.BLOCKING, false, "LoadTestRunnerTest", map, scope);
    }

    private static LoadScenario.Builder signup() {
        return LoadScenario.builder(service.baseUrl()).name("signup").warmup(Duration.ofMillis(200))
                .flow(Flow.of("signup",
                        HttpStep.post("/users", "{\"name\":\"n{iteration}\"}").expectStatus(201).capture("id", "id"),
                        HttpStep.get("/users/{id}").expectJson("/user/name")));
    }

    @Test
    void aLoadResultCarriesOverallAndPerEndpointMeasurementsThatCheckJudges() {
        LoadTestDefinition definition = new LoadTestDefinition("load:test:signup", "LoadTestRunnerTest", "signup", null,
                signup().rate(300, Duration.ofSeconds(4)).build(), LoadPlan.AS_SHAPED, List.of(
                gate("LatencyGate", null, "p99", "5s"),
                gate("ThroughputGate", null, "min", "100/s"),
                gate("ErrorRateGate", null, "max", "1%"),
                gate("LatencyGate", "GET /users/{id}", "p95", "5s"),
                gate("ThroughputGate", "POST /users", "min", "1000/s")));
        List<String> console = new ArrayList<>();

        LoadTestOutcome outcome = LoadTestRunner.run(definition, console::add);

        TestResult result = outcome.result();
        assertEquals("load", result.kind().fileName());
        assertEquals(ResultStatus.COMPLETED, result.status());
        assertEquals(2400, result.measurement().invocations());
        assertEquals(java.util.Set.of("POST /users", "GET /users/{id}"), result.endpoints().keySet());
        assertEquals(1200, result.endpoints().get("GET /users/{id}").invocations());
        assertTrue(console.stream().anyMatch(line -> line.contains("load 'signup'")), console.toString());
        // written and read back as check would
        TestResult read = ResultFiles.read(ResultFiles.write(results, result));
        TestOutcome verdict = new GateEvaluator("target/perfgate/index.html").evaluate(read);
        List<GateOutcome> gates = verdict.gates();
        if (result.measurement().behindSchedule() == null) {
            assertEquals(Verdict.PASS, gates.get(0).verdict(), gates.toString());
            assertEquals(Verdict.PASS, gates.get(2).verdict(), gates.toString());
            assertEquals(Verdict.PASS, gates.get(3).verdict(), gates.toString());
            GateOutcome endpointThroughput = gates.get(4);
            assertEquals(Verdict.FAIL, endpointThroughput.verdict(), "POST /users ran at 150/s, not 1,000/s");
            assertContains(endpointThroughput.metrics().get(0).message(), "is below the threshold 1,000/s",
                    "(LoadTestRunnerTest#signup, endpoint POST /users, ");
            assertEquals(Verdict.FAIL, verdict.verdict());
        } else {
            // a machine too busy to keep the schedule: never a pass
            assertEquals(Verdict.INCONCLUSIVE, gates.get(0).verdict(), gates.toString());
        }
    }

    @Test
    void anUnreachableServiceFailsEveryGateNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LoadTestDefinition definition = new LoadTestDefinition("load:test:down", "LoadTestRunnerTest", "down", null,
                LoadScenario.builder("http://127.0.0.1:" + port).request(HttpStep.get("/"))
                        .rate(10, Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1)).build(),
                LoadPlan.AS_SHAPED, List.of(gate("LatencyGate", null, "p95", "1s"), gate("ErrorRateGate", null, "max", "50%")));

        LoadTestOutcome outcome = LoadTestRunner.run(definition, null);

        assertNotNull(outcome.failure());
        TestOutcome verdict = new GateEvaluator(null).evaluate(outcome.result());
        assertEquals(Verdict.FAIL, verdict.verdict());
        for (GateOutcome gate : verdict.gates()) {
            assertEquals(Verdict.FAIL, gate.verdict(), gate.toString());
        }
        assertContains(verdict.gates().get(1).metrics().get(0).message(), "cannot connect to http://127.0.0.1:" + port);
    }

    @Test
    void behindScheduleIsInconclusiveNeverAPass() {
        LoadTestDefinition definition = new LoadTestDefinition("load:test:flood", "LoadTestRunnerTest", "flood", null,
                LoadScenario.builder(service.baseUrl()).request(HttpStep.get("/ok")).warmup(Duration.ZERO)
                        .responseTimeout(Duration.ofMillis(500)).rate(2_000_000, Duration.ofSeconds(1)).build(),
                LoadPlan.AS_SHAPED, List.of(gate("LatencyGate", null, "p99", "10min"), gate("ThroughputGate", null, "min", "1/s")));

        TestOutcome verdict = new GateEvaluator(null).evaluate(LoadTestRunner.run(definition, null).result());

        assertEquals(Verdict.INCONCLUSIVE, verdict.gates().get(0).verdict(), verdict.gates().toString());
        assertEquals(Verdict.INCONCLUSIVE, verdict.gates().get(1).verdict());
        assertContains(verdict.gates().get(0).metrics().get(0).message(), "has no verdict", "behind", "generator");
    }

    @Test
    void gatesNamingAnUnknownEndpointAreRejectedBeforeTheRun() {
        LoadTestDefinition definition = new LoadTestDefinition("load:test:typo", "LoadTestRunnerTest", "typo", null,
                signup().rate(10, Duration.ofSeconds(1)).build(), LoadPlan.AS_SHAPED,
                List.of(gate("LatencyGate", "GET /user/{id}", "p95", "1s")));

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class,
                () -> LoadTestRunner.run(definition, null));
        assertContains(error.getMessage(), "no endpoint 'GET /user/{id}'", "[POST /users, GET /users/{id}]");
    }

    @Test
    void normalLoadRunsAtSeventyPercentOfTheMeasuredCapacity() {
        LoadTestDefinition definition = new LoadTestDefinition("load:test:normal", "LoadTestRunnerTest", "normal", null,
                LoadScenario.builder(service.baseUrl()).request(HttpStep.get("/ok")).connections(4)
                        .warmup(Duration.ofMillis(300)).rate(1, Duration.ofSeconds(1)).build(),
                new LoadPlan(LoadPlan.Kind.NORMAL, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), null, null, 0,
                        null, null), List.of());
        List<String> console = new ArrayList<>();

        LoadTestOutcome outcome = LoadTestRunner.run(definition, console::add);

        assertEquals(2, outcome.runs().size(), "a probe, then the normal run");
        LoadRun probe = outcome.runs().get(0);
        LoadRun normal = outcome.runs().get(1);
        assertEquals(probe.throughput(), outcome.capacity(), 1e-9);
        org.junit.jupiter.api.Assertions.assertSame(normal, outcome.measured(), "the result is the normal run's, not the probe's");
        assertEquals(0.7 * outcome.capacity(), normal.offeredRate(), 0.7 * outcome.capacity() * 0.01);
        assertTrue(console.stream().anyMatch(line -> line.contains("normal load at") && line.contains("70% of the capacity")),
                console.toString());
    }

    @Test
    void peakLoadIsHalfAgainTheNormalRate() {
        LoadTestDefinition definition = new LoadTestDefinition("load:test:peak", "LoadTestRunnerTest", "peak", null,
                LoadScenario.builder(service.baseUrl()).request(HttpStep.get("/ok")).warmup(Duration.ZERO)
                        .rate(1, Duration.ofSeconds(1)).build(),
                new LoadPlan(LoadPlan.Kind.PEAK, 200.0, null, Duration.ofSeconds(1), null, null, null, 0, null, null),
                List.of());

        LoadTestOutcome outcome = LoadTestRunner.run(definition, null);

        assertEquals(1, outcome.runs().size());
        assertEquals(200 * 0.7 * 1.5, outcome.runs().get(0).offeredRate(), 0.5);
        assertEquals(210, outcome.result().measurement().invocations());
    }

    @Test
    @org.junit.jupiter.api.Tag("timing") // a 5 ms service holding p95 under 100 ms at 60/s needs a quiet machine
    void stressRaisesTheRateUntilP95BreaksAndReportsTheLastRateThatHeld() throws IOException {
        // one worker, 5 ms a request: about 190 requests a second at most
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        server.setExecutor(worker);
        server.createContext("/", exchange -> {
            TestService.sleep(5);
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        });
        server.start();
        try {
            LoadTestDefinition definition = new LoadTestDefinition("load:test:stress", "LoadTestRunnerTest", "stress",
                    null, LoadScenario.builder("http://127.0.0.1:" + server.getAddress().getPort())
                    .request(HttpStep.get("/")).warmup(Duration.ofMillis(200)).responseTimeout(Duration.ofSeconds(3))
                    .rate(1, Duration.ofSeconds(1)).build(),
                    LoadPlan.stress(60, 60, Duration.ofSeconds(1), 6),
                    List.of(gate("LatencyGate", null, "p95", "100ms"), gate("ThroughputGate", null, "min", "50/s")));
            List<String> console = new ArrayList<>();

            LoadTestOutcome outcome = LoadTestRunner.run(definition, console::add);

            String log = String.join("\n", console);
            assertNotNull(outcome.capacity(), log);
            assertTrue(outcome.capacity() >= 60 && outcome.capacity() <= 180, "capacity " + outcome.capacity() + "\n" + log);
            assertTrue(outcome.runs().size() < 6, "stopped at the first broken step:\n" + log);
            assertContains(log, "stress step 1 at 60/s", "held", "capacity ");
            assertContains(outcome.result().displayName(), "capacity");
            LoadRun held = outcome.runs().stream().filter(run -> run.offeredRate() == outcome.capacity()).findFirst()
                    .orElseThrow();
            assertEquals(held.overall().requests(), outcome.result().measurement().invocations(),
                    "the step that held is the one recorded: " + log);
            org.junit.jupiter.api.Assertions.assertSame(held, outcome.measured(), "its run, not the step that broke: " + log);
            TestOutcome verdict = new GateEvaluator(null).evaluate(outcome.result());
            assertEquals(Verdict.PASS, verdict.gates().get(1).verdict(), "throughput of the step that held: " + log);
        } finally {
            server.stop(0);
            worker.shutdownNow();
        }
    }
}
