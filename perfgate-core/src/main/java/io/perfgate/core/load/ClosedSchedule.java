package io.perfgate.core.load;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The closed model: one user per connection goes through a flow, thinks, and goes again until the measured
 * phase ends. Back to back (no think time), the next iteration starts from the callback that ended the last one;
 * with a think time, the dispatcher wakes users when their thinking is over and notes how late it was.
 */
final class ClosedSchedule implements Schedule {
    private final LoadEngine engine;
    private final LoadShape.Closed shape;
    private final DelayQueue<Wake> wakes = new DelayQueue<>();
    /** The end of the measured phase, or the deadline if sooner: no user starts after it. */
    private volatile long end;

    /** A user due to start its next iteration after thinking. */
    private static final class Wake implements Delayed {
        final Connection connection;
        final long due;

        Wake(Connection connection, long due) {
            this.connection = connection;
            this.due = due;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Wake) other).due);
        }
    }

    ClosedSchedule(LoadEngine engine, LoadShape.Closed shape) {
        this.engine = engine;
        this.shape = shape;
    }

    @Override
    public void run(long deadline) {
        RunRecorder recorder = engine.recorder();
        SelfCheck selfCheck = engine.selfCheck();
        long measureStart = System.nanoTime() + engine.scenario().warmup().toNanos();
        recorder.window(measureStart, shape.duration().toNanos());
        long measureEnd = Math.min(recorder.measureEnd(), deadline);
        end = measureEnd;
        if (engine.scenario().warmup().isZero()) {
            selfCheck.measuringStarts();
        }
        for (Connection connection : engine.connections()) {
            startUser(connection, System.nanoTime());
        }
        boolean thinking = !shape.thinkTime().isZero();
        while (true) {
            long now = System.nanoTime();
            if (now >= measureStart) {
                selfCheck.measuringStarts();
            }
            if (now >= measureEnd || engine.stopping()) {
                break;
            }
            long until = selfCheck.measuring() ? measureEnd : Math.min(measureStart, measureEnd);
            if (!thinking) {
                LockSupport.parkNanos(Math.min(until - now, 50_000_000L));
                continue;
            }
            Wake wake;
            try {
                wake = wakes.poll(Math.min(until - now, 50_000_000L), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (wake != null) {
                long at = System.nanoTime();
                if (wake.due >= measureStart) {
                    selfCheck.noteLag(at - wake.due);
                }
                // timed from the actual wake: a late timer is the generator's delay, not the server's
                startUser(wake.connection, Math.max(wake.due, at));
            }
        }
        engine.stop();
        selfCheck.measuringStarts();
    }

    private void startUser(Connection connection, long intended) {
        if (engine.stopping() || intended >= end) {
            return;
        }
        engine.accepted();
        engine.start(connection, engine.iteration(engine.pickFlow(connection.random),
                engine.recorder().phaseOf(intended), intended));
    }

    /** A user that finished an iteration thinks, then goes again. */
    @Override
    public void freed(Connection connection) {
        long now = System.nanoTime();
        if (engine.stopping() || now >= end) {
            return;
        }
        if (shape.thinkTime().isZero()) {
            startUser(connection, now);
        } else {
            wakes.add(new Wake(connection, now + shape.thinkTime().toNanos()));
        }
    }

    @Override
    public boolean scheduled() {
        return !shape.thinkTime().isZero();
    }
}
