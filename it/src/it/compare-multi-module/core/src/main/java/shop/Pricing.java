package shop;

import java.util.concurrent.locks.LockSupport;

/** Head: quoting got twice as slow (800 us). */
public final class Pricing {
    private Pricing() {
    }

    public static long quote(long cents) {
        LockSupport.parkNanos(800_000);
        return cents * 2;
    }
}
