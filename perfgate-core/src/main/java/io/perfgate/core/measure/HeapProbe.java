package io.perfgate.core.measure;

import java.lang.management.ManagementFactory;

/**
 * Heap in use right after a full collection: what the application keeps alive. Pool peaks say little (they
 * follow the young generation's sizing), so perfgate asks for a collection and reads the heap after it.
 * With {@code -XX:+DisableExplicitGC} or {@code -XX:+ExplicitGCInvokesConcurrent} the figure includes garbage.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    /** Requests a full collection, then returns the heap in use, in bytes. */
    public static long usedAfterGc() {
        System.gc();
        return usedNow();
    }

    /** Heap in use now, garbage included. */
    public static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
