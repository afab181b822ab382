package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;

/** Heap after GC, allocation per invocation, GC pauses and GC time, as the recorder measured them. */
final class MemoryJudge implements GateJudge {

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        Measurement measurement = subject.measurement();
        MemoryMeasurement memory = measurement.memory();
        if (memory == null) {
            return Wording.notMeasured(subject, metric, bound, measurement.invocations(),
                    "the recording holds no memory figures (was the test run by the perfgate extension?)");
        }
        Double value = switch (metric) {
            case HEAP_AFTER_GC -> memory.heapAfterGcBytes() == null ? null : memory.heapAfterGcBytes().doubleValue();
            case ALLOCATION_PER_INVOCATION -> memory.allocatedBytesPerInvocation();
            case GC_PAUSE_MAX -> memory.gcPauseMaxNanos() == null ? null : memory.gcPauseMaxNanos().doubleValue();
            case GC_TIME -> memory.gcTimeNanos() == null ? null : memory.gcTimeNanos().doubleValue();
            default -> throw new IllegalArgumentException(metric + " is not judged by " + getClass().getSimpleName());
        };
        if (value == null) {
            return Wording.notMeasured(subject, metric, bound, measurement.invocations(),
                    "this JVM did not provide it (see the supported collectors in the README)");
        }
        return Wording.judged(subject, metric, bound, value, measurement.invocations(), null, null);
    }
}
