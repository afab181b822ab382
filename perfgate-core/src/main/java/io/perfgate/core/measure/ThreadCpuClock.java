package io.perfgate.core.measure;

import io.perfgate.core.spec.GateSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;

/**
 * The calling thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}). A read cost 1.5 to 4 us on the
 * project's 2-core test machine against 30 to 110 ns for {@code System.nanoTime()} (bench/cpu-time-cost.sh), so it
 * is read per round on every run and per invocation only when a gate bounds a CPU percentile.
 */
public final class ThreadCpuClock {
    private static final ThreadMXBean BEAN = lookUp();

    private ThreadCpuClock() {
    }

    /** Whether the gates bound a CPU percentile, which needs each invocation's CPU time (the mean needs only rounds). */
    public static boolean neededPerInvocation(Collection<GateSpec> gates) {
        return gates.stream().flatMap(gate -> gate.bounds().keySet().stream())
                .anyMatch(metric -> metric.cpuTime() && metric.quantile().isPresent());
    }

    /** Whether this JVM measures thread CPU time. */
    public static boolean supported() {
        return BEAN != null;
    }

    /** CPU time the calling thread has used so far in nanoseconds; -1 when the JVM does not say. */
    public static long currentThreadCpuNanos() {
        return BEAN == null ? -1 : BEAN.getCurrentThreadCpuTime();
    }

    private static ThreadMXBean lookUp() {
        try {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (bean.isCurrentThreadCpuTimeSupported()) {
                if (!bean.isThreadCpuTimeEnabled()) {
                    bean.setThreadCpuTimeEnabled(true);
                }
                return bean;
            }
        } catch (LinkageError | UnsupportedOperationException | SecurityException e) {
            // a runtime that refuses: CPU time stays unmeasured
        }
        return null;
    }
}
