package io.perfgate.core.measure;

import io.perfgate.core.gate.InvalidGateException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadPlanTest {

    private static WorkloadRequest request(String warmup, long warmupInvocations, long invocations, String duration,
                                           int threads, String maxDuration) {
        return new WorkloadRequest(warmup, warmupInvocations, invocations, duration, threads, maxDuration,
                "@PerfTest", "OrderTest#create");
    }

    @Test
    void defaultsComeFromTheProfileAndTheGatesNeeds() {
        WorkloadPlan plan = WorkloadPlan.resolve(Profile.STANDARD, WorkloadRequest.defaults("OrderTest#create"),
                new SampleRequirement(1000, 500));
        assertTrue(plan.adaptive());
        assertEquals(Profile.STANDARD.warmupNanos(), plan.warmupNanos());
        assertEquals(-1, plan.warmupInvocations());
        assertEquals(Profile.STANDARD.minDurationNanos(), plan.minDurationNanos());
        assertEquals(1000, plan.minSuccesses());
        assertEquals(500, plan.minInvocations());
        assertEquals(Profile.STANDARD.maxDurationNanos(), plan.maxDurationNanos());
        assertEquals(Profile.STANDARD.rounds(), plan.rounds());
        assertEquals(1, plan.threads());
    }

    @Test
    void explicitFiguresAreHonoured() {
        WorkloadPlan plan = WorkloadPlan.resolve(Profile.SMOKE, request("", 50, 3, "", 4, "2s"), SampleRequirement.NONE);
        assertTrue(plan.fixedInvocations());
        assertEquals(3, plan.invocations());
        assertEquals(50, plan.warmupInvocations());
        assertEquals(0, plan.warmupNanos());
        assertEquals(3, plan.rounds(), "never more rounds than invocations");
        assertEquals(4, plan.threads());
        assertEquals(TimeUnit.SECONDS.toNanos(2), plan.maxDurationNanos());
        assertEquals(0, plan.minSuccesses(), "a fixed count is not stretched to the gates' needs");
    }

    @Test
    void anExplicitDurationRaisesTheProfilesCap() {
        WorkloadPlan plan = WorkloadPlan.resolve(Profile.SMOKE, request("0s", -1, -1, "20s", 1, ""), SampleRequirement.NONE);
        assertTrue(plan.fixedDuration());
        assertFalse(plan.adaptive());
        assertEquals(0, plan.warmupNanos());
        assertTrue(plan.maxDurationNanos() >= TimeUnit.SECONDS.toNanos(20));
        assertEquals("smoke", plan.toWorkload().profile());
        assertEquals(TimeUnit.SECONDS.toNanos(20), plan.toWorkload().durationNanos());
    }

    @Test
    void contradictionsAndBadValuesNameTheAttribute() {
        assertMessage(request("", -1, 100, "1s", 1, ""),
                "@PerfTest(duration = \"1s\") on OrderTest#create: set invocations or duration, not both");
        assertMessage(request("1s", 10, -1, "", 1, ""),
                "@PerfTest(warmup = \"1s\") on OrderTest#create: set warmup or warmupInvocations, not both");
        assertMessage(request("", -1, -1, "", 0, ""), "@PerfTest(threads = 0) on OrderTest#create: expected 1 to 1024 threads");
        assertMessage(request("", -1, 0, "", 1, ""), "@PerfTest(invocations = 0) on OrderTest#create: expected at least 1");
        assertMessage(request("", -1, -1, "10 parsecs", 1, ""),
                "@PerfTest(duration = \"10 parsecs\") on OrderTest#create: cannot read '10 parsecs'");
        assertMessage(request("", -1, -1, "0s", 1, ""), "@PerfTest(duration = \"0s\") on OrderTest#create: expected a duration above zero");
        assertMessage(request("2s", -1, -1, "5s", 1, "6s"),
                "@PerfTest(maxDuration = \"6s\") on OrderTest#create: the cap is shorter than warmup plus duration (7 s)");
    }

    private static void assertMessage(WorkloadRequest request, String expectedStart) {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> WorkloadPlan.resolve(Profile.STANDARD, request, SampleRequirement.NONE));
        assertTrue(error.getMessage().startsWith(expectedStart), error.getMessage());
    }
}
