package io.perfgate.core.profile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The methods of a profile with their share of the samples: self (the sample was in the method itself) and
 * total (the method was anywhere on the stack, so its callees count too).
 */
public final class HotMethods {
    private HotMethods() {
    }

    /** One method's samples and shares (0..1) of all execution samples. */
    public record MethodShare(String method, long selfSamples, long totalSamples, double selfShare, double totalShare) {
        /** {@code OrderPricing.applyDiscounts}. */
        public String shortName() {
            return MethodNames.shortName(method);
        }
    }

    /** Every method in the profile's stacks, by total samples, most first. */
    public static List<MethodShare> of(ProfileSummary profile) {
        Map<String, long[]> counts = new HashMap<>();
        for (ProfileSummary.Stack stack : profile.namedStacks()) {
            Set<String> seen = new HashSet<>();
            for (String frame : stack.frames()) {
                if (seen.add(frame)) { // a recursive method counts once per sample
                    counts.computeIfAbsent(frame, name -> new long[2])[1] += stack.samples();
                }
            }
            if (!stack.frames().isEmpty()) {
                counts.computeIfAbsent(stack.frames().get(stack.frames().size() - 1), name -> new long[2])[0]
                        += stack.samples();
            }
        }
        double all = Math.max(1, profile.executionSamples());
        return counts.entrySet().stream()
                .map(entry -> new MethodShare(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        entry.getValue()[0] / all, entry.getValue()[1] / all))
                .sorted(Comparator.comparingLong(MethodShare::totalSamples).reversed()
                        .thenComparing(MethodShare::method))
                .toList();
    }

    /** The {@code limit} methods with the most self samples. */
    public static List<MethodShare> bySelf(ProfileSummary profile, int limit) {
        return of(profile).stream().filter(method -> method.selfSamples() > 0)
                .sorted(Comparator.comparingLong(MethodShare::selfSamples).reversed()
                        .thenComparing(MethodShare::method))
                .limit(limit).toList();
    }

    /** The {@code limit} methods with the most total samples. */
    public static List<MethodShare> byTotal(ProfileSummary profile, int limit) {
        return of(profile).stream().limit(limit).toList();
    }

    /**
     * {@code OrderPricing.applyDiscounts 41 %, Cart.total 22 %, String.format 9 % (self time, 812 samples)}: the
     * console's line for a failing test; empty when the profile has no samples.
     */
    public static String topLine(ProfileSummary profile, int count) {
        List<MethodShare> top = bySelf(profile, count);
        if (top.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (MethodShare method : top) {
            line.append(line.isEmpty() ? "" : ", ").append(method.shortName()).append(' ').append(percent(method.selfShare()));
        }
        return line.append(" (self time, ").append(String.format(Locale.ROOT, "%,d", profile.executionSamples()))
                .append(" samples)").toString();
    }

    /** {@code 41 %}; below one percent with a decimal. */
    public static String percent(double share) {
        double value = share * 100;
        return String.format(Locale.ROOT, value < 1 && value > 0 ? "%.1f %%" : "%.0f %%", value);
    }
}
