package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.load.CompiledFlow.CompiledStep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open model's dispatcher: walks the arrival schedule (warmup at the first rate, then the stages) on the
 * calling thread and hands each arrival to a free connection, or queues it; a connection that finishes takes the
 * oldest queued arrival. A queued request is timed from its scheduled start, so time spent waiting for a stalled
 * server is counted (coordinated omission); one that found a free connection is timed from its dispatch, so a
 * dispatcher that woke late (a busy machine, a GC pause) does not blame the server for its own delay. Lateness
 * goes to the self-check; a dispatcher hopelessly late gives up.
 */
final class OpenSchedule implements Schedule {
    static final int PENDING_LIMIT = 1_000_000;

    private final LoadEngine engine;
    private final LoadShape.Open shape;
    private final SplittableRandom random;
    private final long responseTimeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Arrival> waiting = new ArrayDeque<>();
    private long peakWaiting;
    private volatile boolean overflowed;
    private boolean abandoned;

    /** An arrival waiting for a free connection. */
    private record Arrival(CompiledFlow flow, long intended, RunRecorder.Phase phase) {
    }

    OpenSchedule(LoadEngine engine, LoadShape.Open shape, SplittableRandom random) {
        this.engine = engine;
        this.shape = shape;
        this.random = random;
        this.responseTimeoutNanos = engine.scenario().responseTimeout().toNanos();
    }

    @Override
    public void run(long deadline) {
        LoadScenario scenario = engine.scenario();
        for (Connection connection : engine.connections()) {
            idle.addLast(connection);
        }
        List<Stage> stages = new ArrayList<>();
        long warmupNanos = scenario.warmup().toNanos();
        if (warmupNanos > 0) {
            stages.add(Stage.constant(shape.initialRate(), scenario.warmup()));
        }
        stages.addAll(shape.stages());
        RunRecorder recorder = engine.recorder();
        SelfCheck selfCheck = engine.selfCheck();
        long start = System.nanoTime() + 1_000_000;
        long measureStart = start + warmupNanos;
        recorder.window(measureStart, shape.duration().toNanos());
        if (warmupNanos == 0) {
            selfCheck.measuringStarts();
        }
        long stageStart = start;
        outer:
        for (Stage stage : stages) {
            double planned = stage.arrivals();
            for (long n = 0; n < planned; n++) {
                long intended = stageStart + Math.round(stage.secondsOf(n) * 1e9);
                long now = Schedule.waitUntil(intended);
                if (engine.stopping() || now >= deadline) {
                    break outer;
                }
                RunRecorder.Phase phase = recorder.phaseOf(intended);
                boolean measured = phase == recorder.measured;
                if (measured) {
                    selfCheck.measuringStarts();
                }
                if (now - intended > SelfCheck.ABANDON_LAG_NANOS || overflowed) {
                    // hopelessly behind: the verdict is INCONCLUSIVE anyway, so stop rather than run on for minutes
                    abandoned = true;
                    break outer;
                }
                boolean sentAtOnce = submit(new Arrival(engine.pickFlow(random), intended, phase), now);
                if (measured) {
                    // lateness only delays a request that found a free connection; one that queues behind
                    // earlier arrivals waits for the server, and that wait is what the latency measures
                    selfCheck.noteLag(sentAtOnce ? now - intended : 0);
                }
            }
            stageStart += stage.duration().toNanos();
        }
        selfCheck.measuringStarts();
    }

    /**
     * Hands the arrival to a free connection (true) or queues it (false). A request that finds a free connection
     * is timed from {@code dispatchedAt}: had the dispatcher been late, that delay is the generator's, not the
     * server's. A queued one keeps its scheduled start: it waits for the server.
     */
    private boolean submit(Arrival arrival, long dispatchedAt) {
        Connection connection;
        engine.accepted();
        lock.lock();
        try {
            connection = idle.pollFirst();
            if (connection == null) {
                if (waiting.size() >= PENDING_LIMIT) {
                    overflowed = true;
                    CompiledStep step = arrival.flow().steps[0];
                    engine.recorder().unsent(arrival.phase(), step, arrival.intended(), ErrorKind.TIMEOUT,
                            step.endpoint + ": not sent, " + QuantityKind.grouped(PENDING_LIMIT)
                                    + " requests were already waiting for a connection");
                    engine.finished();
                    return false;
                }
                waiting.addLast(arrival);
                if (waiting.size() > peakWaiting) {
                    peakWaiting = waiting.size();
                }
                return false;
            }
        } finally {
            lock.unlock();
        }
        engine.start(connection, engine.iteration(arrival.flow(), arrival.phase(),
                Math.max(arrival.intended(), dispatchedAt)));
        return true;
    }

    /** Gives the free connection the oldest waiting arrival, or parks it. */
    @Override
    public void freed(Connection connection) {
        while (true) {
            Arrival next;
            lock.lock();
            try {
                next = waiting.pollFirst();
                if (next == null) {
                    idle.addLast(connection);
                    return;
                }
            } finally {
                lock.unlock();
            }
            long waited = System.nanoTime() - next.intended();
            if (waited > responseTimeoutNanos) {
                timedOut(next, "waited " + Rates.formatNanos(waited) + " for a free connection, over the response"
                        + " timeout of " + Rates.format(engine.scenario().responseTimeout()));
                continue;
            }
            engine.start(connection, engine.iteration(next.flow(), next.phase(), next.intended()));
            return;
        }
    }

    /** Arrivals still waiting when the run ends time out. */
    @Override
    public void drain() {
        List<Arrival> left;
        lock.lock();
        try {
            left = new ArrayList<>(waiting);
            waiting.clear();
        } finally {
            lock.unlock();
        }
        for (Arrival arrival : left) {
            timedOut(arrival, "still waiting for a free connection when the run ended");
        }
    }

    private void timedOut(Arrival arrival, String why) {
        CompiledStep step = arrival.flow().steps[0];
        engine.recorder().error(arrival.phase(), step, arrival.intended(), ErrorKind.TIMEOUT, step.endpoint + ": " + why);
        engine.finished();
    }

    @Override
    public boolean scheduled() {
        return true;
    }

    @Override
    public long peakWaiting() {
        return peakWaiting;
    }

    @Override
    public boolean overflowed() {
        return overflowed;
    }

    @Override
    public boolean abandoned() {
        return abandoned;
    }
}
