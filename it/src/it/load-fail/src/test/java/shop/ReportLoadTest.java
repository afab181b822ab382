package shop;

import io.perfgate.core.load.Flow;
import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadScenario;
import io.perfgate.demo.api.DemoService;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.load.Endpoint;
import io.perfgate.junit.load.LoadRunner;
import io.perfgate.junit.load.LoadTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class ReportLoadTest {
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
    @LatencyGate(p50 = "2s")
    @Endpoint(value = "GET /api/v1/reports/heavy", latency = @LatencyGate(p50 = "1us"))
    void healthAndReports(LoadRunner load) {
        load.run(LoadScenario.builder(service.baseUrl())
                .flow(Flow.of("health", HttpStep.get("/api/v1/health")).weight(3))
                .flow(Flow.of("report", HttpStep.get("/api/v1/reports/heavy")))
                .rate(50, Duration.ofSeconds(3))
                .warmup(Duration.ofMillis(500)));
    }
}
