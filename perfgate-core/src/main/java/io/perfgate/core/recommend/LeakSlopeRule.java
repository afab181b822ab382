package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.memory.LeakEstimate;
import io.perfgate.core.memory.SlopeEstimate;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.MemoryMeasurement;

import java.util.Optional;

/**
 * Heap after GC that keeps growing: the slope @MemoryGate's leak bound records, fitted the way LeakJudge fits it.
 * Fires when even the 95% interval's lower end is above the threshold, so noise alone does not.
 */
public final class LeakSlopeRule implements RecommendationRule {
    /** 10 MB an hour, the specification's leak threshold, in bytes per second. */
    public static final double BYTES_PER_SECOND = 10.0 * 1024 * 1024 / 3600;

    @Override
    public String id() {
        return "leak-slope";
    }

    @Override
    public Optional<Recommendation> apply(TestOutcome test) {
        MemoryMeasurement memory = test.result().measurement().memory();
        HeapTrend trend = memory == null ? null : memory.heapTrend();
        if (trend == null) {
            return Optional.empty();
        }
        Optional<LeakEstimate> estimate = LeakEstimate.of(trend);
        if (estimate.isEmpty() || estimate.get().perSecond().lower() <= BYTES_PER_SECOND) {
            return Optional.empty();
        }
        SlopeEstimate perSecond = estimate.get().perSecond();
        QuantityKind rate = QuantityKind.SIZE_RATE;
        return fire(test, "Heap after GC keeps growing",
                new Evidence("leak slope", rate.format(perSecond.slope()), rate.format(BYTES_PER_SECOND),
                        "95% interval " + rate.format(perSecond.lower()) + " .. " + rate.format(perSecond.upper())
                                + " over " + perSecond.samples() + " heap samples; "
                                + QuantityKind.SIZE.format(estimate.get().perInvocation().slope()) + " per invocation"),
                perSecond.slope(), BYTES_PER_SECOND,
                "something keeps a reference per invocation (a static collection, a cache without eviction,"
                        + " listeners never removed): compare two heap dumps (jcmd <pid> GC.heap_dump) taken some"
                        + " invocations apart");
    }
}
