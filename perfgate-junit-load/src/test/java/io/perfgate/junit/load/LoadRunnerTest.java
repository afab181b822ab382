package io.perfgate.junit.load;

import com.sun.net.httpserver.HttpServer;
import io.perfgate.core.load.Flow;
import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadScenario;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.Sample;
import io.perfgate.junit.SampleRuns;
import io.perfgate.junit.ThroughputGate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Load tests written with {@link LoadRunner}, run on the Jupiter engine against a real server on 127.0.0.1. */
class LoadRunnerTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static HttpServer server;
    private static ExecutorService executor;
    static String baseUrl;
    static final AtomicInteger invocations = new AtomicInteger();

    @TempDir
    Path results;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        AtomicInteger ids = new AtomicInteger(1);
        server.createContext("/users", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean post = exchange.getRequestMethod().equals("POST");
            byte[] body = (post ? "{\"id\":" + ids.getAndIncrement() + "}" : "{\"name\":\"n\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(post ? 201 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    static LoadScenario.Builder signup(double rate) {
        return LoadScenario.builder(baseUrl).warmup(Duration.ofMillis(200))
                .flow(Flow.of("signup",
                        HttpStep.post("/users", "{\"name\":\"u{iteration}\"}").expectStatus(201).capture("id", "id"),
                        HttpStep.get("/users/{id}").expectJson("name")))
                .rate(rate, Duration.ofSeconds(1));
    }

    @Test
    void underThePluginTheLoadResultIsRecordedWithEndpointGatesAndTheMethodRunsOnce() {
        invocations.set(0);
        SampleRuns.recording(results).run(Recorded.class).assertTests(1, 0, 0, 0);

        assertEquals(1, invocations.get(), "a load test's method runs once");
        List<TestResult> all = ResultFiles.readAll(results);
        assertEquals(1, all.size(), all.toString());
        TestResult result = all.get(0);
        assertEquals("load", result.kind().fileName());
        assertEquals(ResultStatus.COMPLETED, result.status());
        assertEquals("signsUp", result.methodName());
        assertEquals(400, result.measurement().invocations());
        assertEquals(java.util.Set.of("POST /users", "GET /users/{id}"), result.endpoints().keySet());
        GateDeclaration endpointGate = result.gates().stream().filter(gate -> gate.scope() != null).findFirst().orElseThrow();
        assertEquals("GET /users/{id}", endpointGate.scope());
        assertEquals("LatencyGate", endpointGate.gate());
        assertTrue(endpointGate.declaredOn().contains("LoadRunnerTest$Recorded#signsUp"), endpointGate.declaredOn());
        assertEquals(3, result.gates().size(), result.gates().toString());
    }

    @Test
    void runAloneAViolatedEndpointGateFailsTheTestNamingTheEndpoint() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Violated.class);

        Throwable failure = outcome.failure();
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().contains("throughput"), failure.getMessage());
        assertTrue(failure.getMessage().contains("is below the threshold 10,000/s"), failure.getMessage());
        assertTrue(failure.getMessage().contains("endpoint POST /users"), failure.getMessage());
    }

    @Test
    void anEndpointTheScenarioDoesNotHaveIsAConfigurationError() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().run(Misnamed.class);

        Throwable failure = outcome.failure();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("no endpoint 'GET /user/{id}'"), failure.getMessage());
    }

    @Test
    void aFailingAssertionAfterTheRunKeepsTheRecordedLoadResult() {
        SampleRuns.recording(results).run(AssertsAfter.class).assertTests(0, 1, 0, 0);

        TestResult result = ResultFiles.readAll(results).get(0);
        assertEquals("load", result.kind().fileName());
        assertEquals(ResultStatus.COMPLETED, result.status());
        assertNotNull(result.measurement());
    }

    @Test
    void anUnreachableServiceFailsTheTestAndIsRecordedAsFailed() {
        SampleRuns.Outcome outcome = SampleRuns.recording(results).run(Unreachable.class);

        Throwable failure = outcome.failure();
        assertInstanceOf(io.perfgate.core.load.LoadRunException.class, failure);
        assertTrue(failure.getMessage().contains("cannot connect to http://127.0.0.1:9"), failure.getMessage());
        TestResult result = ResultFiles.readAll(results).get(0);
        assertEquals(ResultStatus.COMPLETED, result.status());
        assertEquals(1L, result.measurement().errorsByKind().get("connection"));
    }

    @Sample
    static class Unreachable {
        @Test
        @LoadTest
        @LatencyGate(p50 = "1s")
        void nothingListens(LoadRunner load) {
            load.run(LoadScenario.builder("http://127.0.0.1:9").request(HttpStep.get("/"))
                    .connectTimeout(Duration.ofSeconds(1)).rate(10, Duration.ofSeconds(1)));
        }
    }

    @Sample
    static class Recorded {
        @Test
        @LoadTest
        @LatencyGate(p95 = "10s")
        @ErrorRateGate(max = "1%")
        @Endpoint(value = "GET /users/{id}", latency = @LatencyGate(p50 = "10s"))
        void signsUp(LoadRunner load) {
            invocations.incrementAndGet();
            LoadRun run = load.run(signup(200));
            assertEquals(400, run.overall().requests());
        }
    }

    @Sample
    static class Violated {
        @Test
        @LoadTest
        @Endpoint(value = "POST /users", throughput = @ThroughputGate(min = "10000/s"))
        void signsUp(LoadRunner load) {
            load.run(signup(50));
        }
    }

    @Sample
    static class Misnamed {
        @Test
        @LoadTest
        @Endpoint(value = "GET /user/{id}", latency = @LatencyGate(p95 = "1s"))
        void signsUp(LoadRunner load) {
            load.run(signup(50));
        }
    }

    @Sample
    static class AssertsAfter {
        @Test
        @LoadTest
        @LatencyGate(p50 = "10s")
        void signsUp(LoadRunner load) {
            load.run(signup(50));
            throw new AssertionFailedError("the test's own check after the run");
        }
    }
}
