package io.perfgate.core.load;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadGeneratorTest {
    private static TestService service;

    @BeforeAll
    static void start() throws IOException {
        service = new TestService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static LoadScenario.Builder scenario() {
        // a generous response timeout: a machine busy with other builds has stalled the test service for over 2 s
        return LoadScenario.builder(service.baseUrl()).warmup(Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(10));
    }

    @Test
    void openModelSendsEveryScheduledArrivalAndTimesIt() {
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.get("/ok")).rate(200, Duration.ofSeconds(2)).build());

        assertEquals(400, run.overall().requests(), run.summary());
        assertEquals(0, run.overall().errors(), run.summary());
        assertEquals(400, run.overall().latency().count());
        assertEquals(400, run.overall().serviceTime().count());
        assertEquals(200.0, run.offeredRate(), 1e-9);
        // whether the dispatcher kept its schedule depends on what else this machine runs: not asserted here
        assertEquals(Set.of("GET /ok"), run.endpoints().keySet());
        assertEquals(10, run.overall().rounds().size(), "one round per tenth of the measured phase");
        assertEquals(400, run.overall().rounds().stream().mapToLong(r -> r.invocations()).sum());
    }

    @Test
    void capturedIdFromPostIsUsedByTheNextRequest() {
        int before = service.fetchedIds.size();
        int namesBefore = service.createdNames.size();
        Flow signup = Flow.of("signup",
                HttpStep.post("/users", "{\"name\":\"user-{iteration}\"}").expectStatus(201)
                        .expectContentType("application/json").expectJson("id").capture("id", "id"),
                HttpStep.get("/users/{id}").expectStatus(200).expectJson("/user/name"));

        LoadRun run = LoadGenerator.run(scenario().flow(signup).rate(50, Duration.ofSeconds(1)).build());

        assertEquals(0, run.overall().errors(), run.summary());
        assertEquals(100, run.overall().requests(), "two requests per arrival: " + run.summary());
        assertEquals(java.util.List.of("POST /users", "GET /users/{id}"), java.util.List.copyOf(run.endpoints().keySet()));
        assertEquals(50, run.endpoints().get("GET /users/{id}").successes());
        var fetched = service.fetchedIds.subList(before, service.fetchedIds.size());
        assertEquals(60, fetched.size(), "warmup and measured GETs");
        assertTrue(fetched.stream().allMatch(service.users::containsKey), "every GET used an id the POST returned");
        var names = service.createdNames.subList(namesBefore, service.createdNames.size());
        assertEquals(60, names.size(), "warmup and measured POSTs");
        assertTrue(names.stream().allMatch(name -> name.matches("\\{\"name\":\"user-\\d+\"}")), names.toString());
    }

    @Test
    void uuidIsDrawnForAFlowThatFillsIt() {
        int before = service.createdNames.size();
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.post("/users", "{\"name\":\"u-{uuid}\"}")
                .expectStatus(201)).rate(20, Duration.ofSeconds(1)).build());

        assertEquals(0, run.overall().errors(), run.summary());
        var created = service.createdNames.subList(before, service.createdNames.size());
        assertEquals(24, created.size(), "warmup and measured POSTs");
        assertTrue(created.stream().allMatch(name -> name.matches("\\{\"name\":\"u-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\"}")),
                created.toString());
        assertEquals(created.size(), Set.copyOf(created).size(), "a new uuid per iteration");
        assertTrue(CompiledFlow.compile(java.util.List.of(Flow.of("u", HttpStep.post("/users", "{\"id\":\"{uuid}\"}"))),
                new java.util.ArrayList<>())[0].usesUuid);
        assertFalse(CompiledFlow.compile(java.util.List.of(Flow.of("i", HttpStep.post("/users", "{\"id\":{iteration}}"))),
                new java.util.ArrayList<>())[0].usesUuid);
    }

    @Test
    void errorsAreCountedByKindAndKeptOutOfLatency() {
        LoadScenario errors = scenario()
                .flow(Flow.of("ok", HttpStep.get("/ok")).weight(1))
                .flow(Flow.of("server error", HttpStep.get("/fail")).weight(1))
                .flow(Flow.of("wrong type", HttpStep.get("/ok").named("GET /ok as JSON")
                        .expectContentType("application/json")).weight(1))
                .flow(Flow.of("missing property", HttpStep.get("/json").expectJson("id")).weight(1))
                .flow(Flow.of("too slow", HttpStep.get("/slow?ms=1000").named("GET /slow")).weight(1))
                .responseTimeout(Duration.ofMillis(300))
                .rate(100, Duration.ofSeconds(1))
                .build();

        LoadRun run = LoadGenerator.run(errors);

        EndpointResult overall = run.overall();
        assertEquals(100, overall.requests(), run.summary());
        assertEquals(overall.successes(), overall.latency().count(), "only successes are timed");
        assertEquals(overall.errors(), overall.errorsByKind().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(overall.errorsByKind().keySet().containsAll(Set.of("status", "expectation", "timeout")),
                overall.errorsByKind().toString());
        EndpointResult fail = run.endpoints().get("GET /fail");
        assertEquals(fail.requests(), fail.errors());
        assertContains(fail.firstError(), "GET /fail: status 500, expected 2xx", "database is down");
        assertContains(run.endpoints().get("GET /ok as JSON").firstError(),
                "content type 'text/plain', expected application/json");
        assertContains(run.endpoints().get("GET /json").firstError(), "JSON property /id is missing");
        assertContains(run.endpoints().get("GET /slow").firstError(), "response timeout of 300 ms");
        assertEquals(0, run.endpoints().get("GET /ok").errors(), run.summary() + run.endpoints().get("GET /ok").firstError());
    }

    @Test
    void redirectsAreNeverFollowed() {
        long before = service.hits.get();
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.get("/redirect")).rate(20, Duration.ofMillis(500)).build());

        assertEquals(run.overall().requests(), run.overall().errorsByKind().get("status"));
        assertContains(run.overall().firstError(), "status 302");
        assertEquals(14, service.hits.get() - before, "warmup and measured requests only, no second hop");
    }

    @Test
    void answersThatCloseTheirConnectionAreFollowedByANewOne() {
        int before = service.closingPorts.size();
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.get("/close")).warmup(Duration.ZERO)
                .maxRequests(60).users(3, Duration.ZERO, Duration.ofSeconds(20)).build());

        assertEquals(0, run.overall().errors(), run.summary() + run.overall().firstError());
        assertEquals(60, run.overall().requests(), run.summary());
        List<Integer> ports = service.closingPorts.subList(before, service.closingPorts.size());
        assertEquals(60, ports.size());
        assertEquals(60, Set.copyOf(ports).size(), "one connection per answer: " + ports);
    }

    @Test
    void closedModelUsersThinkBetweenRequests() {
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.get("/ok"))
                .users(4, Duration.ofMillis(50), Duration.ofSeconds(1)).build());

        assertEquals(0, run.overall().errors(), run.summary());
        // each user makes at most one request per think time
        long requests = run.overall().requests();
        assertTrue(requests >= 4 && requests <= 4L * (1000 / 50) + 4, run.summary());
        assertTrue(Double.isNaN(run.offeredRate()));
    }

    @Test
    void requestLimitStopsTheRun() {
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.get("/ok")).warmup(Duration.ZERO).maxRequests(300)
                .users(4, Duration.ZERO, Duration.ofSeconds(20)).build());

        assertTrue(run.overall().requests() <= 300, run.summary());
        assertTrue(run.notes().stream().anyMatch(note -> note.contains("request limit of 300")), run.notes().toString());
    }

    @Test
    void weightsSetHowOftenEachFlowRuns() {
        LoadRun run = LoadGenerator.run(scenario()
                .flow(Flow.of("often", HttpStep.get("/ok")).weight(3))
                .flow(Flow.of("rarely", HttpStep.get("/json")).weight(1))
                .rate(400, Duration.ofSeconds(1)).build());

        double share = (double) run.endpoints().get("GET /ok").requests() / run.overall().requests();
        assertEquals(0.75, share, 0.08, run.summary());
    }

    @Test
    void unreachableServiceIsAnErrorNamingTheUrl() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        LoadScenario nowhere = LoadScenario.builder("http://127.0.0.1:" + freePort).request(HttpStep.get("/"))
                .rate(10, Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1)).build();

        LoadRunException error = assertThrows(LoadRunException.class, () -> LoadGenerator.run(nowhere));
        assertContains(error.getMessage(), "cannot connect to http://127.0.0.1:" + freePort, "is the service running");
    }

    @Test
    void nonLoopbackHostsAreRefusedWithoutSendingAnything() {
        LoadScenario remote = LoadScenario.builder("http://10.255.255.1:8080").request(HttpStep.get("/"))
                .rate(10, Duration.ofSeconds(1)).build();

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class, () -> LoadGenerator.run(remote));
        assertContains(error.getMessage(), "not this machine's loopback interface", "allowRemoteHost");
    }

    @Test
    void aRateTheGeneratorCannotReachIsBehindSchedule() {
        LoadRun run = LoadGenerator.run(scenario().request(HttpStep.get("/ok")).warmup(Duration.ZERO)
                .responseTimeout(Duration.ofMillis(500)).rate(2_000_000, Duration.ofSeconds(1)).build());

        assertNotNull(run.behindSchedule(), run.summary());
        assertNotNull(run.measurement().behindSchedule());
    }

    @Test
    void unknownPlaceholderIsRejectedBeforeTheRun() {
        LoadScenario bad = scenario().request(HttpStep.get("/users/{id}")).rate(10, Duration.ofSeconds(1)).build();

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class, () -> LoadGenerator.run(bad));
        assertContains(error.getMessage(), "uses {id}, which no earlier step captures");
    }

    static void assertContains(String text, String... parts) {
        assertNotNull(text, "expected a message");
        for (String part : parts) {
            assertTrue(text.contains(part), "expected '" + part + "' in: " + text);
        }
    }
}
