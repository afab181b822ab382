package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** A line to the console every progress interval of a long run, from a daemon thread of its own. */
final class Progress {
    private final LoadScenario scenario;
    private final RunRecorder recorder;
    private final Consumer<String> console;
    private volatile boolean stopped;
    private Thread thread;

    Progress(LoadScenario scenario, RunRecorder recorder, Consumer<String> console) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.console = console;
    }

    /** Starts reporting, unless the whole run is shorter than one interval. */
    void start() {
        long interval = scenario.progressInterval().toNanos();
        long total = scenario.warmup().plus(scenario.shape().duration()).toNanos();
        if (total <= interval) {
            return;
        }
        long begin = System.nanoTime();
        thread = new Thread(() -> {
            while (!stopped) {
                LockSupport.parkNanos(interval);
                if (stopped || Thread.currentThread().isInterrupted()) {
                    return;
                }
                console.accept(line(begin, total));
            }
        }, "perfgate-load-progress");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private String line(long begin, long total) {
        long elapsed = System.nanoTime() - begin;
        RunRecorder.Phase measured = recorder.measured;
        long requests = measured.requests();
        long errors = measured.errors();
        LatencyHistogram latency = measured.latencyCopy();
        long measuredFor = System.nanoTime() - recorder.measureStart();
        String phase = measuredFor < 0 ? "warming up" : "measuring";
        return String.format(Locale.ROOT, "perfgate load '%s': %s of %s, %s, %s requests, %s errors%s%s",
                scenario.name(), Rates.formatNanos(elapsed), Rates.formatNanos(total), phase,
                QuantityKind.grouped(requests), QuantityKind.grouped(errors),
                measuredFor > 0 ? ", " + QuantityKind.RATE.format((requests - errors) * 1e9 / measuredFor) : "",
                latency.count() > 0 ? ", p99 so far " + Rates.formatNanos(latency.valueAtQuantile(0.99)) : "");
    }
}
