package io.perfgate.core.recommend;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.profile.ProfileSummary.AllocationSite;
import io.perfgate.core.result.Measurement;

import java.util.Optional;

/**
 * One allocation site behind most of what a test allocates, and enough of it per invocation to matter: the
 * signature of objects built again on every pass of a loop (boxing, copies, builders, iterators).
 */
public final class AllocationHotSpotRule implements RecommendationRule {
    /** The share of the profile's sampled allocation bytes the site must exceed: more than half. */
    public static final double SITE_SHARE = 0.5;
    /** Bytes the site allocates per invocation before it is worth a look. */
    public static final double BYTES_PER_INVOCATION = 64 * 1024;

    @Override
    public String id() {
        return "allocation-hot-spot";
    }

    @Override
    public Optional<Recommendation> apply(TestOutcome test) {
        Measurement measurement = test.result().measurement();
        ProfileSummary profile = measurement.profile();
        if (profile == null || profile.allocations().isEmpty() || measurement.invocations() <= 0) {
            return Optional.empty();
        }
        long total = profile.allocations().stream().mapToLong(AllocationSite::bytes).sum();
        AllocationSite top = profile.allocations().stream()
                .max(java.util.Comparator.comparingLong(AllocationSite::bytes)).orElseThrow();
        double share = total <= 0 ? 0 : (double) top.bytes() / total;
        double perInvocation = (double) top.bytes() / measurement.invocations();
        if (share <= SITE_SHARE || perInvocation < BYTES_PER_INVOCATION) {
            return Optional.empty();
        }
        return fire(test, "One allocation site dominates: " + top.site(),
                new Evidence("bytes allocated per invocation at " + top.site(),
                        QuantityKind.SIZE.format(perInvocation), QuantityKind.SIZE.format(BYTES_PER_INVOCATION),
                        top.objectClass() + " objects, " + QuantityKind.PERCENT.format(share) + " of the sampled "
                                + QuantityKind.SIZE.format(total) + " in " + QuantityKind.grouped(measurement.invocations())
                                + " invocations (JFR allocation samples)"),
                perInvocation, BYTES_PER_INVOCATION,
                "build " + top.objectClass() + " once outside the loop in " + top.site() + " and reuse it, or avoid it"
                        + " (primitive arrays instead of boxed collections, a reused StringBuilder or buffer)");
    }
}
