package io.perfgate.demo.api;

import io.perfgate.core.load.Flow;
import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadScenario;
import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.ThroughputGate;
import io.perfgate.junit.load.Endpoint;
import io.perfgate.junit.load.LoadRunner;
import io.perfgate.junit.load.LoadTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An HTTP load test of the users API, written in code: the service starts on a free loopback port, users
 * browse, sign up (POST, then GET of the id it returned) and fetch the heavy report, at 80 arrivals a second.
 * The gates judge the whole run and single endpoints.
 */
class UsersApiLoadTest {
    private static DemoService service;

    @BeforeAll
    static void start() throws Exception {
        service = DemoService.start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    @LoadTest
    @LatencyGate(p95 = "300ms")
    @ThroughputGate(min = "60/s")
    @ErrorRateGate(max = "5%")
    @Endpoint(value = "GET /api/v1/users/{id}", latency = @LatencyGate(p50 = "100ms"))
    @Endpoint(value = "GET /api/v1/reports/heavy", latency = @LatencyGate(p50 = "250ms"))
    void browseSignUpAndReport(LoadRunner load) {
        LoadRun run = load.run(LoadScenario.builder(service.baseUrl())
                .flow(Flow.of("browse", HttpStep.get("/api/v1/users?limit=20").named("GET /api/v1/users")
                        .expectStatus(200).expectContentType("application/json")).weight(3))
                .flow(Flow.of("sign up",
                        HttpStep.post("/api/v1/users", "{\"name\": \"Load User {iteration}\"}")
                                .expectStatus(201).expectJson("id").capture("id", "id"),
                        HttpStep.get("/api/v1/users/{id}").expectStatus(200).expectJson("name")))
                .flow(Flow.of("report", HttpStep.get("/api/v1/reports/heavy").expectStatus(200)))
                .rate(80, Duration.ofSeconds(5))
                .warmup(Duration.ofSeconds(1)));
        // the flows ran as written: every sign-up fetched the user it created
        assertEquals(run.endpoints().get("POST /api/v1/users").successes(),
                run.endpoints().get("GET /api/v1/users/{id}").requests());
    }
}
