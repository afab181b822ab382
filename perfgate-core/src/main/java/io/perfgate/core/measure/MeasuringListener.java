package io.perfgate.core.measure;

/**
 * Told when the measured phase of a {@link MeasuringLoop} run begins (after the warmup) and ends (after the
 * last round), on the thread that runs the loop, so figures recorded alongside the loop (statements through
 * a wrapped DataSource, say) leave the warmup out exactly as the loop's own figures do.
 */
public interface MeasuringListener {

    /** Listens to nothing. */
    MeasuringListener NONE = new MeasuringListener() {
        @Override
        public void measuringStarted() {
        }

        @Override
        public void measuringEnded() {
        }
    };

    /** Tells each listener in turn; the ends in reverse order, so the first started is the last to end. */
    static MeasuringListener all(MeasuringListener first, MeasuringListener second) {
        return new MeasuringListener() {
            @Override
            public void measuringStarted() {
                first.measuringStarted();
                second.measuringStarted();
            }

            @Override
            public void measuringEnded() {
                second.measuringEnded();
                first.measuringEnded();
            }
        };
    }

    /** The warmup is over; the first round is about to start. */
    void measuringStarted();

    /** The last round is over (not called when the run fails or is aborted). */
    void measuringEnded();
}
