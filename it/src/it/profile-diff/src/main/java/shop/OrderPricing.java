package shop;

/**
 * Applies the discount rules to a subtotal. {@code -Dshop.discountRules=16} (default 2) stands for a change that
 * makes it evaluate many more rules: the extra work the profile must point at.
 */
public final class OrderPricing {
    static volatile double sink;
    private static final int RULES = Integer.getInteger("shop.discountRules", 2);

    public double applyDiscounts(double subtotal) {
        double price = subtotal;
        for (int rule = 0; rule < RULES; rule++) {
            for (int step = 1; step <= 400; step++) {
                price -= Math.log(step + price * 1e-9 + sink) * 1e-6;
            }
        }
        return price;
    }
}
