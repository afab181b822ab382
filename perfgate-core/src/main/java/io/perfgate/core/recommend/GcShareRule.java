package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;

import java.util.Optional;

/** GC time above a share of the measured run: the code allocates faster than the heap absorbs it. */
public final class GcShareRule implements RecommendationRule {
    /** GC may take up to this share of the run before it is worth a look. */
    public static final double SHARE = 0.05;

    @Override
    public String id() {
        return "gc-share";
    }

    @Override
    public Optional<Recommendation> apply(TestOutcome test) {
        Measurement measurement = test.result().measurement();
        MemoryMeasurement memory = measurement.memory();
        if (memory == null || memory.gcTimeNanos() == null || measurement.durationNanos() <= 0) {
            return Optional.empty();
        }
        double share = (double) memory.gcTimeNanos() / measurement.durationNanos();
        if (share <= SHARE) {
            return Optional.empty();
        }
        String pauses = memory.gcCount() == null ? "" : " in " + QuantityKind.grouped(memory.gcCount()) + " collections"
                + (memory.gcPauseMaxNanos() == null ? ""
                : ", longest pause " + QuantityKind.DURATION.format(memory.gcPauseMaxNanos()));
        String allocation = memory.allocatedBytesPerInvocation() == null ? ""
                : "; " + QuantityKind.SIZE.format(memory.allocatedBytesPerInvocation()) + " allocated per invocation";
        return fire(test, "GC takes a large share of the run",
                new Evidence("GC time share", QuantityKind.PERCENT.format(share), QuantityKind.PERCENT.format(SHARE),
                        QuantityKind.DURATION.format(memory.gcTimeNanos()) + " of GC" + pauses + " in a "
                                + QuantityKind.DURATION.format(measurement.durationNanos()) + " run" + allocation),
                share, SHARE,
                "allocate less per invocation (reuse buffers, avoid boxing and intermediate collections), or give"
                        + " the heap more room (-Xmx, a larger young generation)");
    }
}
