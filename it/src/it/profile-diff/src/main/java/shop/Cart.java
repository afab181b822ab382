package shop;

/** Sums a cart of 3,000 lines: the part of a checkout that stays the same. */
public final class Cart {
    static volatile double sink;

    public double subtotal() {
        double sum = 0;
        for (int line = 1; line <= 3_000; line++) {
            sum += Math.sqrt(line * 1.07 + sink);
        }
        return sum;
    }
}
