package io.perfgate.core.measure;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.latency.PercentileInterval;
import io.perfgate.core.result.GateDeclaration;

import java.util.Collection;
import java.util.Map;

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

    /**
     * What the given gates need. Bounds must be valid: parse them first so the user sees which one is not.
     *
     * @throws io.perfgate.core.gate.InvalidGateException for an unknown gate or attribute, or an invalid bound
     */
    public static SampleRequirement of(Collection<GateDeclaration> gates) {
        long successes = 1;
        long invocations = 1;
        for (GateDeclaration gate : gates) {
            GateType type = GateType.fromDeclarationName(gate.gate());
            for (Map.Entry<String, String> entry : gate.bounds().entrySet()) {
                String source = "@" + gate.gate() + "(" + entry.getKey() + " = \"" + entry.getValue() + "\") on "
                        + gate.declaredOn();
                Metric metric = Metric.of(type, entry.getKey(), source);
                if (metric.quantile().isPresent()) {
                    successes = Math.max(successes, PercentileInterval.requiredSamples(metric.quantile().getAsDouble()));
                }
                if (metric == Metric.ERROR_RATE || metric == Metric.DEADLOCK_RATE) {
                    // a deadlock rate is per transaction: at least one per invocation is assumed
                    Bound bound = metric.parseBound(entry.getValue(), source);
                    if (bound.threshold() > 0) {
                        invocations = Math.max(invocations, (long) Math.ceil(10 / bound.threshold() - 1e-9));
                    }
                }
                if (metric == Metric.POOL_EFFICIENCY) {
                    // ten slow connection requests must be able to cross the bound; one request per invocation assumed
                    Bound bound = metric.parseBound(entry.getValue(), source);
                    if (bound.threshold() < 1) {
                        invocations = Math.max(invocations, (long) Math.ceil(10 / (1 - bound.threshold()) - 1e-9));
                    }
                }
            }
        }
        return new SampleRequirement(successes, invocations);
    }
}
