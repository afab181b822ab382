package io.perfgate.junit;

import io.perfgate.core.database.DatabaseRecorder;
import io.perfgate.core.measure.Invocable;
import io.perfgate.core.measure.MeasuringListener;
import io.perfgate.core.result.DatabaseMeasurement;

/**
 * Records what goes through wrapped DataSources during a {@code @DatabaseGate} test's measured rounds:
 * starts the JVM-wide recorder when the warmup is over, marks each invocation on the thread that runs it,
 * and stops when the last round is over.
 */
final class DatabaseRecording implements MeasuringListener {

    private final DatabaseRecorder recorder;
    private DatabaseMeasurement figures;

    DatabaseRecording(DatabaseRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void measuringStarted() {
        recorder.start();
    }

    @Override
    public void measuringEnded() {
        figures = recorder.stop();
    }

    /** The body with each call marked as one invocation, so statements per invocation can be counted. */
    Invocable marking(Invocable body) {
        return () -> {
            recorder.beginInvocation();
            try {
                body.invoke();
            } finally {
                recorder.endInvocation();
            }
        };
    }

    /** What was recorded; stops a recording the loop left running (a run that failed). */
    DatabaseMeasurement figures() {
        if (figures == null) {
            figures = recorder.stop();
        }
        return figures;
    }
}
