package io.perfgate.core.profile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a test's profile changed against the profile its baseline was recorded with: per method, the change of its
 * share of the samples (in percentage points), largest change first.
 */
public record ProfileDiff(ProfileSummary baseline, ProfileSummary current, List<MethodChange> changes) {

    /** Below this growth (of the share of samples) no method is named as the cause: it is within sampling noise. */
    static final double NOTABLE_GROWTH = 0.02;
    /** A growth is named only beyond this many standard errors of sampling (about 2.5 % one-sided by chance). */
    static final double NOISE_MULTIPLE = 2;
    /** Methods grown within this fraction of the largest growth are the same growth seen at caller and callee. */
    private static final double SAME_GROWTH = 0.9;

    public ProfileDiff {
        changes = List.copyOf(changes);
    }

    /** One method's shares (0..1) then and now. */
    public record MethodChange(String method, double baselineTotal, double currentTotal, double baselineSelf,
                               double currentSelf) {
        public double totalChange() {
            return currentTotal - baselineTotal;
        }

        public String shortName() {
            return MethodNames.shortName(method);
        }
    }

    /** The differential of two profiles; empty when either is missing or has no samples. */
    public static Optional<ProfileDiff> of(ProfileSummary baseline, ProfileSummary current) {
        if (baseline == null || current == null || baseline.executionSamples() == 0 || current.executionSamples() == 0) {
            return Optional.empty();
        }
        Map<String, HotMethods.MethodShare> then = byName(HotMethods.of(baseline));
        Map<String, HotMethods.MethodShare> now = byName(HotMethods.of(current));
        Set<String> methods = new HashSet<>(then.keySet());
        methods.addAll(now.keySet());
        List<MethodChange> changes = methods.stream()
                .map(method -> {
                    HotMethods.MethodShare before = then.get(method);
                    HotMethods.MethodShare after = now.get(method);
                    return new MethodChange(method, before == null ? 0 : before.totalShare(),
                            after == null ? 0 : after.totalShare(), before == null ? 0 : before.selfShare(),
                            after == null ? 0 : after.selfShare());
                })
                .sorted(Comparator.comparingDouble((MethodChange change) -> -Math.abs(change.totalChange()))
                        .thenComparing(MethodChange::method))
                .toList();
        return Optional.of(new ProfileDiff(baseline, current, changes));
    }

    private static Map<String, HotMethods.MethodShare> byName(List<HotMethods.MethodShare> shares) {
        Map<String, HotMethods.MethodShare> named = new HashMap<>();
        shares.forEach(share -> named.put(share.method(), share));
        return named;
    }

    /**
     * The method whose share of the samples grew most. A growth shows in the changed method and in the callees
     * doing the added work alike; of those grown about as much, the outermost (the largest share now) is named,
     * since it is where the added calls are made. Perfgate's and JMH's own loops are never named. Empty when
     * nothing grew beyond sampling noise: two percentage points and two standard errors of the two sample counts.
     */
    public Optional<MethodChange> grewMost() {
        List<MethodChange> tests = changes.stream()
                .filter(change -> !ProfileReader.measuringLoop(change.method()))
                .filter(change -> change.totalChange() >= NOISE_MULTIPLE * standardError(change))
                .toList();
        double most = tests.stream().mapToDouble(MethodChange::totalChange).max().orElse(0);
        if (most < NOTABLE_GROWTH) {
            return Optional.empty();
        }
        return tests.stream()
                .filter(change -> change.totalChange() >= most * SAME_GROWTH)
                .max(Comparator.comparingDouble(MethodChange::currentTotal)
                        .thenComparing(MethodChange::totalChange));
    }

    /** The standard error of the change of a share between two independent sets of samples. */
    private double standardError(MethodChange change) {
        double before = change.baselineTotal();
        double after = change.currentTotal();
        return Math.sqrt(before * (1 - before) / baseline.executionSamples()
                + after * (1 - after) / current.executionSamples());
    }

    /** {@code most of the added time is in OrderPricing.applyDiscounts (+31 % of samples)}; empty when none grew. */
    public Optional<String> explanation() {
        return grewMost().map(change -> "most of the added time is in " + change.shortName() + " ("
                + points(change.totalChange()) + " of samples)");
    }

    /** A change of share as signed percent: {@code +31 %}. */
    public static String points(double change) {
        return String.format(Locale.ROOT, "%+.0f %%", change * 100);
    }
}
