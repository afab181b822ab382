package io.perfgate.core.measure;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stop-the-world GC pauses that happen inside measuring windows, from the collectors' GC notifications.
 *
 * <p>Which collections belong to a window is decided by collection number, not by time: each collector's
 * collection count is read when a window opens and closes, and a notification (whose {@code GcInfo} id is
 * that collector's collection number) counts when its number falls inside a window. So the collections
 * perfgate itself requests between rounds never count, and notifications, which the JVM delivers late on
 * its own thread, are attributed exactly.
 *
 * <p>Concurrent collectors report their concurrent <em>cycles</em> through separate beans (ZGC's
 * "ZGC Cycles", "ZGC Major Cycles", "ZGC Minor Cycles"; Shenandoah's "Shenandoah Cycles"; action
 * "end of GC cycle"). A cycle mostly runs beside the application, so cycles are left out of pause
 * figures; their pauses come through the matching "... Pauses" beans. G1's "G1 Concurrent GC" bean
 * (JDK 20+) reports the Remark and Cleanup pauses, which do stop the application, so those count.
 * GcInfo durations have millisecond resolution: a sub-millisecond pause may read as 0 ms.
 */
public final class GcPauseMonitor {

    private record Pause(String collector, long id, long durationMillis) {
    }

    private record Window(long afterCount, long upToCount) {
    }

    private final List<GarbageCollectorMXBean> collectors;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final Queue<Pause> pauses = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> deliveredUpTo = new ConcurrentHashMap<>();
    private final Map<String, List<Window>> windows = new HashMap<>();
    private Map<String, Long> openCounts;

    private GcPauseMonitor(List<GarbageCollectorMXBean> collectors) {
        this.collectors = collectors;
    }

    /** Starts listening; null when this JVM has no collector that emits notifications. */
    public static GcPauseMonitor start() {
        List<GarbageCollectorMXBean> beans = new ArrayList<>();
        try {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof NotificationEmitter) {
                    beans.add(bean);
                }
            }
        } catch (LinkageError | SecurityException e) {
            return null;
        }
        if (beans.isEmpty()) {
            return null;
        }
        GcPauseMonitor monitor = new GcPauseMonitor(beans);
        for (GarbageCollectorMXBean bean : beans) {
            NotificationEmitter emitter = (NotificationEmitter) bean;
            emitter.addNotificationListener(monitor.listener, null, null);
            monitor.emitters.add(emitter);
        }
        return monitor;
    }

    /** Whether a collector's notifications describe concurrent cycles rather than pauses. */
    static boolean reportsCycles(String collectorName, String gcAction) {
        return collectorName.endsWith("Cycles") || "end of GC cycle".equals(gcAction);
    }

    /** Marks the start of a measuring window. Call on the coordinating thread only. */
    public void openWindow() {
        openCounts = counts();
    }

    /** Marks the end of the window opened last. */
    public void closeWindow() {
        Map<String, Long> closing = counts();
        for (GarbageCollectorMXBean bean : collectors) {
            String name = bean.getName();
            long from = openCounts.getOrDefault(name, 0L);
            long to = closing.getOrDefault(name, from);
            if (to > from) {
                windows.computeIfAbsent(name, key -> new ArrayList<>()).add(new Window(from, to));
            }
        }
        openCounts = null;
    }

    /**
     * Waits (at most {@code maxWaitMillis}) for the notifications of every collection inside a window, stops
     * listening, and sums the pauses.
     */
    public GcPauses finish(long maxWaitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        try {
            while (!allDelivered() && System.nanoTime() - deadline < 0) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // already gone: nothing to undo
                }
            }
        }
        long count = 0;
        long totalMillis = 0;
        long maxMillis = 0;
        for (Pause pause : pauses) {
            if (inWindow(pause.collector(), pause.id())) {
                count++;
                totalMillis += pause.durationMillis();
                maxMillis = Math.max(maxMillis, pause.durationMillis());
            }
        }
        return new GcPauses(count, TimeUnit.MILLISECONDS.toNanos(maxMillis), TimeUnit.MILLISECONDS.toNanos(totalMillis),
                allDelivered());
    }

    private boolean allDelivered() {
        for (Map.Entry<String, List<Window>> entry : windows.entrySet()) {
            long needed = entry.getValue().get(entry.getValue().size() - 1).upToCount();
            if (deliveredUpTo.getOrDefault(entry.getKey(), 0L) < needed) {
                return false;
            }
        }
        return true;
    }

    private boolean inWindow(String collector, long id) {
        for (Window window : windows.getOrDefault(collector, List.of())) {
            if (id > window.afterCount() && id <= window.upToCount()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (GarbageCollectorMXBean bean : collectors) {
            counts.put(bean.getName(), bean.getCollectionCount());
        }
        return counts;
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        String collector = info.getGcName();
        long id = info.getGcInfo().getId();
        deliveredUpTo.merge(collector, id, Math::max);
        if (!reportsCycles(collector, info.getGcAction())) {
            pauses.add(new Pause(collector, id, info.getGcInfo().getDuration()));
        }
    }

    /**
     * Pauses inside the measuring windows.
     *
     * @param complete false when some notifications had not arrived within the wait
     */
    public record GcPauses(long count, long maxPauseNanos, long totalPauseNanos, boolean complete) {
    }
}
