package io.perfgate.core.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.OptionalLong;

/**
 * Forces a full collection and reads the heap that survived it: the live set, which is what a leak
 * grows. Heap after GC is read from the pools' collection usage (what each pool held right after its
 * last collection), so allocation by other threads after the collection does not count; a JVM whose
 * pools do not report it falls back to the heap in use just after {@code System.gc()} returns.
 */
public final class HeapAfterGcProbe {

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    /**
     * Collects and reads the heap after the collection.
     *
     * @return empty when the JVM ignored the request (for instance {@code -XX:+DisableExplicitGC}, Epsilon GC)
     */
    public OptionalLong heapAfterGc() {
        long before = collections();
        System.gc();
        if (collections() == before) {
            return OptionalLong.empty();
        }
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.isValid() ? pool.getCollectionUsage() : null;
            if (usage == null) {
                return OptionalLong.of(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            afterGc += usage.getUsed();
        }
        return OptionalLong.of(afterGc);
    }

    /** Collections so far, all collectors together. */
    private long collections() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }
}
