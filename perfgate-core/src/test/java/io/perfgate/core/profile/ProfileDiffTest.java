package io.perfgate.core.profile;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hot methods and the differential of two profiles, on synthetic summaries. */
class ProfileDiffTest {

    private static final String TEST = "shop.CheckoutTest.checkout";
    private static final String CART = "shop.Cart.total";
    private static final String DISCOUNTS = "shop.pricing.OrderPricing.applyDiscounts";
    private static final String MULTIPLY = "java.math.BigDecimal.multiply";

    /** A profile from folded stacks written as {@code "a;b;c" -> samples}. */
    static ProfileSummary profile(Map<String, Long> folded) {
        List<String> frames = new ArrayList<>();
        List<ProfileSummary.FoldedStack> stacks = new ArrayList<>();
        long samples = 0;
        for (Map.Entry<String, Long> entry : folded.entrySet()) {
            StringBuilder indices = new StringBuilder();
            for (String frame : entry.getKey().split(";")) {
                if (!frames.contains(frame)) {
                    frames.add(frame);
                }
                indices.append(indices.isEmpty() ? "" : ";").append(frames.indexOf(frame));
            }
            stacks.add(new ProfileSummary.FoldedStack(indices.toString(), entry.getValue()));
            samples += entry.getValue();
        }
        return new ProfileSummary(2_000_000_000L, 10, samples, frames, stacks, List.of(), List.of(), 0, 0, null);
    }

    private static Map<String, Long> stacks(Object... stackThenSamples) {
        Map<String, Long> folded = new LinkedHashMap<>();
        for (int i = 0; i < stackThenSamples.length; i += 2) {
            folded.put((String) stackThenSamples[i], ((Number) stackThenSamples[i + 1]).longValue());
        }
        return folded;
    }

    private final ProfileSummary before = profile(stacks(
            TEST + ";" + CART, 60,
            TEST + ";" + DISCOUNTS, 10,
            TEST + ";" + DISCOUNTS + ";" + MULTIPLY, 10,
            TEST, 20));
    private final ProfileSummary after = profile(stacks(
            TEST + ";" + CART, 60,
            TEST + ";" + DISCOUNTS, 12,
            TEST + ";" + DISCOUNTS + ";" + MULTIPLY, 68,
            TEST, 20));

    @Test
    void selfAndTotalSharesCountEachSampleOncePerMethod() {
        ProfileSummary recursive = profile(stacks("a.A.f;a.A.f;a.A.g", 3, "a.A.f", 1));
        Map<String, HotMethods.MethodShare> byName = new LinkedHashMap<>();
        HotMethods.of(recursive).forEach(share -> byName.put(share.method(), share));

        assertEquals(4, byName.get("a.A.f").totalSamples(), "a recursive frame counts once per sample");
        assertEquals(1, byName.get("a.A.f").selfSamples());
        assertEquals(0.75, byName.get("a.A.g").selfShare(), 1e-9);
        // applyDiscounts and BigDecimal.multiply have 10 self samples each: ties go by full name
        assertEquals(List.of("Cart.total", "CheckoutTest.checkout", "BigDecimal.multiply"),
                HotMethods.bySelf(before, 3).stream().map(HotMethods.MethodShare::shortName).toList());
        assertEquals("Cart.total 60 %, CheckoutTest.checkout 20 %, BigDecimal.multiply 10 % (self time, 100 samples)",
                HotMethods.topLine(before, 3));
    }

    @Test
    void theChangedMethodIsNamedRatherThanTheCalleeDoingItsAddedWork() {
        ProfileDiff diff = ProfileDiff.of(before, after).orElseThrow();

        // applyDiscounts 20 % -> 80/160 = 50 %; BigDecimal.multiply 10 % -> 68/160 = 42.5 %
        ProfileDiff.MethodChange grew = diff.grewMost().orElseThrow();
        assertEquals(DISCOUNTS, grew.method());
        assertEquals(0.30, grew.totalChange(), 1e-9);
        assertEquals("most of the added time is in OrderPricing.applyDiscounts (+30 % of samples)",
                diff.explanation().orElseThrow());
    }

    @Test
    void changesAreSortedByTheirSizeEitherWay() {
        ProfileDiff diff = ProfileDiff.of(before, after).orElseThrow();

        List<String> order = diff.changes().stream().map(ProfileDiff.MethodChange::shortName).toList();
        // applyDiscounts +30, BigDecimal.multiply +32.5, Cart.total 60 -> 37.5 (-22.5), CheckoutTest.checkout 0
        assertEquals(List.of("BigDecimal.multiply", "OrderPricing.applyDiscounts", "Cart.total",
                "CheckoutTest.checkout"), order);
        assertTrue(diff.changes().get(2).totalChange() < 0);
        assertEquals(0, diff.changes().get(3).totalChange(), 1e-9);
    }

    @Test
    void perfgatesOwnLoopIsNeverNamed() {
        ProfileSummary loopGrew = profile(stacks(TEST + ";" + CART, 50, ProfileReader.MEASURING_LOOP, 50));
        ProfileDiff diff = ProfileDiff.of(before, loopGrew).orElseThrow();

        assertEquals(ProfileReader.MEASURING_LOOP, diff.changes().get(0).method());
        assertTrue(diff.grewMost().isEmpty(), diff.changes().toString());
    }

    @Test
    void nothingIsNamedWhenNoShareGrewBeyondNoise() {
        ProfileDiff same = ProfileDiff.of(before, before).orElseThrow();

        assertTrue(same.grewMost().isEmpty());
        assertTrue(same.explanation().isEmpty());
        assertTrue(ProfileDiff.of(before, profile(Map.of())).isEmpty(), "a profile without samples explains nothing");
        // 1 of 5 samples, then 3 of 5: +40 points, but within two standard errors of so few samples
        ProfileDiff few = ProfileDiff.of(profile(stacks(TEST + ";" + DISCOUNTS, 1, TEST + ";" + CART, 4)),
                profile(stacks(TEST + ";" + DISCOUNTS, 3, TEST + ";" + CART, 2))).orElseThrow();
        assertEquals(0.4, few.changes().stream().filter(change -> change.method().equals(DISCOUNTS)).findFirst()
                .orElseThrow().totalChange(), 1e-9);
        assertTrue(few.grewMost().isEmpty(), "too few samples to name a cause");
        assertTrue(ProfileDiff.of(null, after).isEmpty(), "a baseline recorded without a profile explains nothing");
    }

    @Test
    void aFlameTreeMergesStacksFromTheRoot() {
        FlameTree tree = FlameTree.of(after);

        assertEquals(160, tree.samples());
        assertEquals(1, tree.children().size());
        FlameTree test = tree.child(TEST);
        assertEquals(List.of(DISCOUNTS, CART), test.children().stream().map(FlameTree::name).toList());
        assertEquals(80, test.child(DISCOUNTS).samples());
        assertEquals(3, tree.depth());
    }
}
