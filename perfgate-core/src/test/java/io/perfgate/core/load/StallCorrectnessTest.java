package io.perfgate.core.load;

import io.perfgate.core.latency.LatencyHistogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coordinated omission: a server that freezes for a known time at a known period, driven at a fixed rate
 * over few connections. The p99 the generator reports must match the p99 computed from the schedule (each
 * request scheduled inside a freeze waits until it ends), while the service time, timed from the actual
 * send, hides the stall. A scaled-down version of bench/stall-test.sh (1 s freeze every 5 s, 200/s, 30 s).
 * Tagged {@code timing}: on a machine shared with other builds the generator itself falls behind, so it runs
 * in bench/timing-tests.sh, not in the build.
 */
@Tag("timing")
class StallCorrectnessTest {

    @Test
    void p99IsMeasuredFromTheScheduleNotFromTheSend() throws IOException {
        // two connections carry 300/s with room to spare even when a busy machine slows the server to a few ms a
        // request, so the queue built in a freeze drains at once; 2 stalled requests a freeze stay under 1 %
        double rate = 300;
        Duration duration = Duration.ofSeconds(5);
        try (StallingServer server = new StallingServer(1_000_000_000L, 250_000_000L)) {
            LoadScenario scenario = LoadScenario.builder(server.baseUrl())
                    .name("stall")
                    .request(HttpStep.get("/"))
                    .rate(rate, duration)
                    .connections(2)
                    .warmup(Duration.ofMillis(500))
                    .responseTimeout(Duration.ofSeconds(5))
                    .build();

            LoadRun run = LoadGenerator.run(scenario);

            LatencyHistogram expected = new LatencyHistogram();
            long arrivals = Math.round(rate * duration.toNanos() / 1e9);
            for (long n = 0; n < arrivals; n++) {
                long scheduled = run.scheduleStartNanos() + Math.round(n / rate * 1e9);
                expected.record(server.expectedLatency(scheduled));
            }
            long expectedP99 = expected.valueAtQuantile(0.99);
            long measuredP99 = run.overall().latency().valueAtQuantile(0.99);
            long serviceP99 = run.overall().serviceTime().valueAtQuantile(0.99);
            String figures = String.format(java.util.Locale.ROOT,
                    "expected p99 %.1f ms, measured p99 %.1f ms, service-time p99 %.1f ms; %s",
                    expectedP99 / 1e6, measuredP99 / 1e6, serviceP99 / 1e6, run.summary());

            System.out.println(figures);
            assertEquals(arrivals, run.overall().requests(), figures);
            assertEquals(0, run.overall().errors(), figures);
            assertTrue(expectedP99 > 200_000_000L, "the schedule puts p99 inside a freeze: " + figures);
            // after each freeze the queued requests drain through two connections at the server's own pace; on a
            // machine shared with other builds that pace is slow, so the margin grows with the measured service time
            assertEquals(expectedP99, measuredP99, expectedP99 * 0.25 + 3.0 * serviceP99, figures);
            // bench/stall-test.sh checks the bound (under a tenth); on a machine shared with other builds the
            // server's own answers slow down, so this test only asks for a clear gap
            assertTrue(serviceP99 < measuredP99 / 3, "service time hides the stall: " + figures);
        }
    }
}
