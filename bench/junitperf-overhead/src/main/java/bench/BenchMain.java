package bench;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs one tool's empty-body test in this JVM through the JUnit Platform Launcher and prints one RESULT line.
 *
 * <p>Both tools are watched from outside: a poller thread reads {@link Counter} every millisecond. The measurement
 * is the span during which the counter moves by more than 10 per poll (JUnitPerf calls the body once more after
 * its statistics, which must not count); its rate gives invocations per second and nanoseconds per invocation,
 * which for an empty body is the tool's overhead. Post-processing is the time from the end of that span to the
 * end of the test (statistics computed, reports or result files written). Heap is the JVM's heap in use after
 * a forced full GC, before the test and right when it finishes (what the tool still holds).
 */
public final class BenchMain {

    private static final long BUSY = 10;

    public static void main(String[] args) throws Exception {
        String tool = args.length > 0 ? args[0] : "";
        Class<?> test = switch (tool) {
            case "perfgate" -> PerfgateEmptyBody.class;
            case "junitperf" -> JUnitPerfEmptyBody.class;
            case "perfgate-checkout" -> PerfgateCheckoutBody.class;
            default -> throw new IllegalArgumentException("usage: BenchMain perfgate|junitperf|perfgate-checkout");
        };
        long heapBefore = heapAfterGc();
        Poller poller = new Poller();
        Thread pollerThread = new Thread(poller, "bench-poller");
        pollerThread.setDaemon(true);
        pollerThread.start();

        Finish finish = new Finish();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(test))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, finish);
        poller.stop = true;
        pollerThread.join();

        if (finish.finishedAt == 0 || poller.lastBusyAt == 0) {
            throw new IllegalStateException(tool + ": the test did not run (status " + finish.status + ")");
        }
        long invocations = poller.countAtLastBusy - poller.countAtFirstBusy;
        double seconds = (poller.lastBusyAt - poller.firstBusyAt) / 1e9;
        double perSecond = invocations / seconds;
        System.out.printf(Locale.ROOT, "RESULT tool=%s invocations=%d seconds=%.3f per_second=%.0f ns_per_invocation=%.1f "
                        + "heap_before_mb=%.1f heap_after_gc_mb=%.1f post_processing_ms=%.1f status=%s%n",
                tool, Counter.get(), seconds, perSecond, 1e9 / perSecond, heapBefore / 1048576.0,
                finish.heapAfterGc / 1048576.0, (finish.finishedAt - poller.lastBusyAt) / 1e6, finish.status);
    }

    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Notes when the test finishes, then how much heap the tool still holds. */
    static final class Finish implements TestExecutionListener {
        volatile long finishedAt;
        volatile long heapAfterGc;
        volatile TestExecutionResult.Status status;

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.isTest()) {
                finishedAt = System.nanoTime();
                status = result.getStatus();
                result.getThrowable().ifPresent(Throwable::printStackTrace);
                heapAfterGc = heapAfterGc();
            }
        }
    }

    /** Watches the counter; the busy span is where it moves by more than {@link #BUSY} per poll. */
    static final class Poller implements Runnable {
        volatile boolean stop;
        volatile long firstBusyAt;
        volatile long lastBusyAt;
        volatile long countAtFirstBusy;
        volatile long countAtLastBusy;

        @Override
        public void run() {
            long previous = Counter.get();
            long previousAt = System.nanoTime();
            while (!stop) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                long count = Counter.get();
                long now = System.nanoTime();
                if (count - previous > BUSY) {
                    if (firstBusyAt == 0) {
                        firstBusyAt = previousAt;
                        countAtFirstBusy = previous;
                    }
                    lastBusyAt = now;
                    countAtLastBusy = count;
                }
                previous = count;
                previousAt = now;
            }
        }
    }
}
