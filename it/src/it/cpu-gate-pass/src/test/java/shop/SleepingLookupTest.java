package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class SleepingLookupTest {

    /** Waits on a "remote" call: long in wall time, nearly free in CPU time. */
    @Test
    @PerfTest(invocations = 300, warmupInvocations = 20)
    @LatencyGate(cpuMean = "1ms", cpuP95 = "2ms")
    void waitsForTheRemoteCall() throws InterruptedException {
        Thread.sleep(5);
    }
}
