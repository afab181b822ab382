package io.perfgate.core.measure;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.SampleRule;
import io.perfgate.core.spec.GateSpec;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How much data the declared gates need before they can give a verdict: successful samples for
 * percentiles (ten beyond the percentile, so p99 needs 1,000) and invocations for an error-rate bound
 * (ten errors' worth: a bound of 1 % needs 1,000), likewise for a deadlock-rate or pool-efficiency bound
 * (assuming a transaction and a connection request per invocation). Used to size runs whose workload leaves
 * the count open.
 *
 * @param successes   successful (timed) invocations needed
 * @param invocations invocations needed, failed or not
 */
public record SampleRequirement(long successes, long invocations) {

    /** Nothing beyond a single invocation. */
    public static final SampleRequirement NONE = new SampleRequirement(1, 1);

    public SampleRequirement {
        successes = Math.max(1, successes);
        invocations = Math.max(1, invocations);
    }

    /** What the given gates need, each bound by the sample rule that also decides when its verdict is INCONCLUSIVE. */
    public static SampleRequirement of(Collection<GateSpec> gates) {
        long successes = 1;
        long invocations = 1;
        for (GateSpec gate : gates) {
            for (Map.Entry<Metric, Bound> entry : gate.bounds().entrySet()) {
                Metric metric = entry.getKey();
                OptionalLong required = SampleRule.required(metric, entry.getValue());
                if (required.isEmpty()) {
                    continue;
                }
                if (metric.quantile().isPresent()) {
                    successes = Math.max(successes, required.getAsLong());
                } else {
                    // rates per transaction or connection request: at least one of each per invocation is assumed
                    invocations = Math.max(invocations, required.getAsLong());
                }
            }
        }
        return new SampleRequirement(successes, invocations);
    }
}
