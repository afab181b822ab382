package io.perfgate.core.measure;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.Round;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop under real contention: busy threads beyond the machine's cores make the measuring thread wait, and the
 * rounds that waited are measured again, their samples kept apart. Depends on the scheduler: tagged timing
 * (bench/timing-tests.sh).
 */
@Tag("timing")
@EnabledOnOs(OS.LINUX)
class ContentionLoopTimingTest {
    static volatile long sink;

    @Test
    void roundsThatWaitedForACpuAreMeasuredAgainAndKeptApart() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
            Thread hog = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() & 1;
                }
                sink = x;
            });
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
        try {
            WorkloadPlan plan = WorkloadPlan.resolve(Profile.SMOKE, new WorkloadRequest("100ms", -1, -1, "1s", 1,
                    "20s", "@PerfTest", "ContentionLoopTimingTest"), SampleRequirement.NONE);
            MeasuredRun run = new MeasuringLoop(plan, false, thrown -> false, MeasuringListener.NONE,
                    new ContentionRule(0.05), false).run(() -> {
                        long x = 0;
                        for (int i = 0; i < 20_000; i++) {
                            x += i * 31L;
                        }
                        sink = x;
                    });
            Measurement measurement = run.measurement();
            Contention contention = measurement.contention();
            assertEquals(Contention.SCHEDSTAT, contention.source());
            assertTrue(contention.discardedRounds() > 0, "busy threads on every core make rounds wait: " + contention);
            assertTrue(contention.worstWaitShare() > 0.05, contention.toString());
            for (Round round : measurement.rounds()) {
                assertTrue(round.cpuWaitShare() <= 0.05, "a kept round waited " + round.cpuWaitShare());
            }
            long kept = measurement.rounds().stream().mapToLong(Round::invocations).sum();
            assertEquals(kept, LatencyHistogram.decode(measurement.latencyHistogram()).count(),
                    "only kept rounds' samples are judged");
            assertTrue(LatencyHistogram.decode(contention.discardedLatencyHistogram()).count() > 0);
            assertTrue(measurement.cpu().invocations() > kept, "CPU time covers the discarded rounds too");
        } finally {
            stop.set(true);
            for (Thread hog : hogs) {
                hog.join();
            }
        }
    }
}
