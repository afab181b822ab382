package shop;

/**
 * Prices a cart of 9,000 lines: the part of a checkout that stays the same. Plain arithmetic rather than
 * {@code Math.sqrt} or {@code Math.log}: JFR drops most samples taken inside the JIT's intrinsic stubs.
 */
public final class Cart {
    static volatile long seed;

    public double subtotal() {
        long hash = seed;
        for (int line = 1; line <= 9_000; line++) {
            hash = hash * 31 + line;
            hash ^= hash >>> 17;
        }
        return (hash & 0xFFFF) + 100.0;
    }
}
