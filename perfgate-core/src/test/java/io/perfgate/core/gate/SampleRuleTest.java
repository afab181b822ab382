package io.perfgate.core.gate;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleRuleTest {

    private static Bound bound(Metric metric, String text) {
        return Bound.parse(text, metric.kind(), metric.direction(), "test");
    }

    @Test
    void aPercentileNeedsTenSamplesBeyondIt() {
        assertEquals(1000, SampleRule.forQuantile(0.99));
        assertEquals(200, SampleRule.forQuantile(0.95));
        assertEquals(20, SampleRule.forQuantile(0.50));
        assertEquals(OptionalLong.of(200), SampleRule.required(Metric.QUERY_P95, bound(Metric.QUERY_P95, "5ms")));
    }

    @Test
    void aRateBoundNeedsTenEventsWorthOfTrials() {
        assertEquals(OptionalLong.of(1000), SampleRule.required(Metric.ERROR_RATE, bound(Metric.ERROR_RATE, "1%")),
                "1% is 0.01 in binary only approximately; still 1,000, not 1,001");
        assertEquals(OptionalLong.of(1), SampleRule.required(Metric.ERROR_RATE, bound(Metric.ERROR_RATE, "0%")));
        assertEquals(OptionalLong.of(2000), SampleRule.required(Metric.DEADLOCK_RATE,
                bound(Metric.DEADLOCK_RATE, "0.5%")));
        assertEquals(OptionalLong.of(50), SampleRule.required(Metric.POOL_EFFICIENCY,
                bound(Metric.POOL_EFFICIENCY, "80%")), "ten slow requests must be able to cross 80%");
        assertEquals(OptionalLong.of(1), SampleRule.required(Metric.POOL_EFFICIENCY,
                bound(Metric.POOL_EFFICIENCY, "100%")));
    }

    @Test
    void figuresJudgedOnWhateverWasMeasuredNeedNothingMore() {
        assertEquals(OptionalLong.empty(), SampleRule.required(Metric.LATENCY_MEAN, bound(Metric.LATENCY_MEAN, "1ms")));
        assertEquals(OptionalLong.empty(), SampleRule.required(Metric.THROUGHPUT, bound(Metric.THROUGHPUT, "1/s")));
        assertEquals(OptionalLong.empty(), SampleRule.required(Metric.HEAP_AFTER_GC, bound(Metric.HEAP_AFTER_GC, "1MB")));
    }
}
