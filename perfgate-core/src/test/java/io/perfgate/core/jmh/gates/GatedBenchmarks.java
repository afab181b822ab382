package io.perfgate.core.jmh.gates;

/** Benchmark-shaped classes carrying gates at every level. */
@ThroughputGate(min = "1000/s")
@LatencyGate(mean = "1ms", level = LatencyGate.Severity.WARNING)
public class GatedBenchmarks {

    @LatencyGate(p50 = "10us", p99 = " 50us ", allowInconclusive = true)
    @MemoryGate(allocationPerInvocation = "64B")
    @Unrelated
    public long parse() {
        return 1;
    }

    public long plain() {
        return 2;
    }

    @FastPath
    public long composed() {
        return 4;
    }

    @MemoryGate(heapAfterGc = "1MB")
    public static class Nested {
        @ThroughputGate(min = "5/s")
        public long inner() {
            return 3;
        }
    }

    /** Gates reach subclasses through @Inherited. */
    public static class Derived extends GatedBenchmarks {
    }
}
