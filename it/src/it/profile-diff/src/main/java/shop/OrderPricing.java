package shop;

/**
 * Applies the discount rules to a subtotal. {@code -Dshop.discountRules=40} (default 2) stands for a change that
 * makes it evaluate many more rules: the extra work the profile must point at.
 */
public final class OrderPricing {
    static volatile long seed;
    private static final int RULES = Integer.getInteger("shop.discountRules", 2);

    public double applyDiscounts(double subtotal) {
        long rule = seed;
        for (int index = 0; index < RULES; index++) {
            for (int step = 1; step <= 400; step++) {
                rule = rule * 0x9E3779B97F4A7C15L + step;
                rule ^= rule >>> 29;
                rule = Long.rotateLeft(rule, 7);
            }
        }
        return subtotal - (rule & 0xFF) * 0.01;
    }
}
