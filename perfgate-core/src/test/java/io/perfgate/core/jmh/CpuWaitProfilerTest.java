package io.perfgate.core.jmh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuWaitProfilerTest {
    private static final String WORKER = "bench.EncodeBench.encode-jmh-worker-1";

    @Test
    void aLongWorkerNameIsKnownByItsFirstFifteenBytes() {
        assertTrue(CpuWaitProfiler.isCommandNameOf("bench.EncodeBen", WORKER));
        assertFalse(CpuWaitProfiler.isCommandNameOf("bench.EncodeBe", WORKER));
    }

    @Test
    void aLongWorkerNameCutInTheMiddleIsKnownByItsStartAndEnd() {
        // JDK-8368124 shortens long native thread names in the middle, keeping a trailing number
        assertTrue(CpuWaitProfiler.isCommandNameOf("bench.E..rker-1", WORKER));
        assertFalse(CpuWaitProfiler.isCommandNameOf("bench.E..rker-2", WORKER));
        assertFalse(CpuWaitProfiler.isCommandNameOf("other..rker-1", WORKER));
    }

    @Test
    void aShortNameIsItsOwnCommandName() {
        assertTrue(CpuWaitProfiler.isCommandNameOf("b-jmh-worker-1", "b-jmh-worker-1"));
        assertFalse(CpuWaitProfiler.isCommandNameOf("b-jmh-worker-1", "b-jmh-worker-12"));
    }
}
