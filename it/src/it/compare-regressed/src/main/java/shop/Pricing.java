package shop;

import java.util.concurrent.locks.LockSupport;

/** Head: quoting got twice as slow (800 us), and the tax takes twice the CPU. */
public final class Pricing {
    public static volatile long sink;

    private Pricing() {
    }

    public static long quote(long cents) {
        LockSupport.parkNanos(800_000);
        return cents * 2;
    }

    public static void tax() {
        work(400_000);
    }

    static void work(int rounds) {
        long h = 17;
        for (int i = 0; i < rounds; i++) {
            h = (h * 31 + i) ^ (h >>> 7);
        }
        sink = h;
    }
}
