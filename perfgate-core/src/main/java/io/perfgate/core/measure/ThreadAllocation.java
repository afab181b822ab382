package io.perfgate.core.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated by the current thread, from HotSpot's per-thread TLAB accounting
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). Cheap enough to read at the
 * start and end of each round on each measuring thread; too costly to read per invocation.
 */
public final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean BEAN = lookUp();

    private ThreadAllocation() {
    }

    /** Whether this JVM counts allocated bytes per thread. */
    public static boolean supported() {
        return BEAN != null;
    }

    /** Bytes the calling thread has allocated so far, or -1 when the JVM does not say. */
    public static long currentThreadAllocatedBytes() {
        return BEAN == null ? -1 : BEAN.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean lookUp() {
        try {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (bean instanceof com.sun.management.ThreadMXBean threads && threads.isThreadAllocatedMemorySupported()) {
                if (!threads.isThreadAllocatedMemoryEnabled()) {
                    threads.setThreadAllocatedMemoryEnabled(true);
                }
                return threads;
            }
        } catch (LinkageError | UnsupportedOperationException | SecurityException e) {
            // a runtime without the jdk.management module, or one that refuses: allocation stays unmeasured
        }
        return null;
    }
}
