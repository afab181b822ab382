package bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts body invocations the same way for both tools, so the bench does not trust either tool's own count.
 * Opaque access: a plain store on x86 (no fence), yet never hoisted out of the caller's loop, so a poller
 * sees progress while the test runs. Single writer only.
 */
public final class Counter {
    private static long count;
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findStaticVarHandle(Counter.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Counter() {
    }

    public static void increment() {
        COUNT.setOpaque((long) COUNT.getOpaque() + 1);
    }

    public static long get() {
        return (long) COUNT.getOpaque();
    }
}
