package io.perfgate.core.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.perfgate.core.load.LoadGeneratorTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * maxRequests and maxDuration hold for every plan, counted where it matters: on a real loopback server, which
 * must never see more requests than the limit. Each run here lasts a second or two.
 */
class LoadLimitsTest {
    private TestService service;

    @BeforeEach
    void start() throws IOException {
        service = new TestService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private LoadScenario.Builder ok() {
        return LoadScenario.builder(service.baseUrl()).name("limits").request(HttpStep.get("/ok"))
                .warmup(Duration.ZERO).responseTimeout(Duration.ofSeconds(5));
    }

    private static LoadTestDefinition definition(LoadScenario scenario, LoadPlan plan) {
        return new LoadTestDefinition("load:limits:" + plan.kind(), "LoadLimitsTest", plan.kind().name(), null,
                scenario, plan, List.of());
    }

    private static LoadPlan stress(double rate, double stepRate, Duration step, int maxSteps) {
        // a p95 bound no loopback answer breaks: every step holds, so only the limits stop the test
        return new LoadPlan(LoadPlan.Kind.STRESS, null, rate, null, null, stepRate, step, maxSteps, 60e9, 1.0);
    }

    @Test
    void aStressPlanOverMaxDurationIsRefusedAsAWholeBeforeAnythingIsSent() {
        // the red team's plan: each 2 s step fits 5 s, the ten of them do not
        LoadScenario scenario = ok().warmup(Duration.ofSeconds(1)).rate(5, Duration.ofSeconds(2))
                .maxDuration(Duration.ofSeconds(5)).maxRequests(40).build();

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class, () -> LoadTestRunner.run(
                definition(scenario, stress(5, 5, Duration.ofSeconds(2), 10)), null));

        assertContains(error.getMessage(), "stress plan of load scenario 'limits'", "could last 21 s",
                "maxDuration is 5 s", "lower maxSteps or stepDuration");
        assertEquals(0, service.hits.get(), "nothing sent");
    }

    @Test
    void aStressPlanOverMaxRequestsIsRefusedWithItsWorstCase() {
        LoadScenario scenario = ok().warmup(Duration.ofSeconds(1)).rate(5, Duration.ofSeconds(2))
                .maxDuration(Duration.ofMinutes(1)).maxRequests(40).build();

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class, () -> LoadTestRunner.run(
                definition(scenario, stress(5, 5, Duration.ofSeconds(2), 10)), null));

        // 5 in the warmup, then 2 s at 5/s, 10/s, ... 50/s: 10 + 20 + ... + 100
        assertContains(error.getMessage(), "stress plan of load scenario 'limits'", "could send 555 requests",
                "maxRequests is 40");
        assertEquals(0, service.hits.get(), "nothing sent");
    }

    @Test
    void aStressPlanAtItsRequestLimitSendsNoMoreThanTheLimitOverAllItsSteps() {
        // 10 + 20 + 30 requests in three half-second steps: exactly the limit
        LoadScenario scenario = ok().connections(4).rate(20, Duration.ofMillis(500)).maxRequests(60).build();

        LoadTestOutcome outcome = LoadTestRunner.run(definition(scenario, stress(20, 20, Duration.ofMillis(500), 3)), null);

        long recorded = outcome.runs().stream().mapToLong(run -> run.overall().requests()).sum();
        assertEquals(3, outcome.runs().size(), "every step fits");
        assertTrue(service.hits.get() <= 60, "the server saw " + service.hits.get());
        assertEquals(recorded, service.hits.get(), "every request sent was recorded");
    }

    @Test
    void aNormalPlanWhoseProbeAndRunExceedMaxDurationIsRefusedBeforeTheProbe() {
        LoadScenario scenario = ok().rate(1, Duration.ofSeconds(2)).maxDuration(Duration.ofSeconds(3)).build();
        LoadPlan normal = new LoadPlan(LoadPlan.Kind.NORMAL, null, null, Duration.ofSeconds(2), Duration.ofSeconds(2),
                null, null, 0, null, null);

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class,
                () -> LoadTestRunner.run(definition(scenario, normal), null));

        assertContains(error.getMessage(), "normal plan of load scenario 'limits'", "capacity probe of 2 s",
                "could last 4 s", "maxDuration is 3 s");
        assertEquals(0, service.hits.get(), "nothing sent");
    }

    @Test
    void aPeakPlanAtAGivenRateOverMaxRequestsIsRefused() {
        LoadScenario scenario = ok().rate(50, Duration.ofSeconds(1)).maxRequests(50).build();
        LoadPlan peak = new LoadPlan(LoadPlan.Kind.PEAK, null, 50.0, Duration.ofSeconds(1), null, null, null, 0,
                null, null);

        LoadConfigurationException error = assertThrows(LoadConfigurationException.class,
                () -> LoadTestRunner.run(definition(scenario, peak), null));

        assertContains(error.getMessage(), "peak plan of load scenario 'limits'", "75/s", "could send 75 requests",
                "maxRequests is 50");
        assertEquals(0, service.hits.get());
    }

    @Test
    void aProbeThatReachesItsShareOfMaxRequestsMakesTheTestInconclusiveAndSendsNoMore() {
        // the probe may use (120 - 2) / (1 + 0.7) = 69 requests (probe and run last 5 s each), which two loopback
        // connections send in milliseconds, the 5 s leaving room for a stalled machine; the capacity that measures
        // leaves too few of the 120 for 5 s of normal load
        LoadScenario scenario = ok().connections(2).rate(1, Duration.ofSeconds(1)).maxRequests(120).build();
        LoadPlan normal = new LoadPlan(LoadPlan.Kind.NORMAL, null, null, Duration.ofSeconds(5), Duration.ofSeconds(5),
                null, null, 0, null, null);
        List<String> console = new ArrayList<>();

        LoadTestOutcome outcome = LoadTestRunner.run(definition(scenario, normal), console::add);

        String log = String.join("\n", console);
        assertTrue(service.hits.get() <= 69, "the server saw " + service.hits.get() + "\n" + log);
        assertEquals(1, outcome.runs().size(), "the probe only: " + log);
        LoadRun probe = outcome.runs().get(0);
        assertTrue(probe.stoppedByLimit(), log);
        assertTrue(probe.durationNanos() < 5_000_000_000L, "measured over the time it ran: " + log);
        // over the time actually measured, not the planned 5 s
        assertEquals(probe.overall().successes() * 1e9 / probe.durationNanos(), outcome.capacity(), 1e-6);
        assertTrue(outcome.capacity() > 69, "capacity " + outcome.capacity());
        String reason = outcome.result().measurement().behindSchedule();
        assertNotNull(reason, "INCONCLUSIVE: " + log);
        assertContains(reason, "capacity probe's share of maxRequests, 69 of 120", "left of maxRequests 120",
                "raise maxRequests to about");
        assertContains(log, "normal load not run");
    }

    @Test
    void aNormalPlanWithinItsLimitsProbesAndRunsWithoutPassingMaxRequests() {
        // the probe's share leaves room for the run at the rate it measures, whatever that rate is
        LoadScenario scenario = ok().connections(2).rate(1, Duration.ofMillis(500)).maxRequests(20_000).build();
        LoadPlan normal = new LoadPlan(LoadPlan.Kind.NORMAL, null, null, Duration.ofMillis(500), Duration.ofMillis(500),
                null, null, 0, null, null);

        LoadTestOutcome outcome = LoadTestRunner.run(definition(scenario, normal), null);

        assertTrue(service.hits.get() <= 20_000, "the server saw " + service.hits.get());
        long recorded = outcome.runs().stream().mapToLong(run -> run.overall().requests()).sum();
        assertEquals(recorded, service.hits.get());
    }

    @Test
    void aClosedRunStopsAtMaxRequestsAndIsMeasuredOverTheTimeItRan() {
        // 30 requests take milliseconds; the 10 s leave room for a stalled machine
        LoadScenario scenario = ok().users(2, Duration.ZERO, Duration.ofSeconds(10)).maxRequests(30).build();

        LoadRun run = LoadGenerator.run(scenario);

        assertTrue(service.hits.get() <= 30, "the server saw " + service.hits.get());
        assertEquals(30, run.overall().requests());
        assertTrue(run.stoppedByLimit());
        assertTrue(run.durationNanos() < 10_000_000_000L, run.summary());
        assertEquals(run.overall().successes() * 1e9 / run.durationNanos(), run.throughput(), 1e-6);
        assertContains(run.summary(), "stopped at the request limit of 30 (maxRequests)");
    }
}
