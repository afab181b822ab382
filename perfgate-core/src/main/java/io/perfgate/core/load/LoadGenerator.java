package io.perfgate.core.load;

import java.util.function.Consumer;

/**
 * Runs a {@link LoadScenario} against its base URL and returns what the measured phase recorded.
 * Thread-confined: the calling thread dispatches the schedule; one I/O thread does the network work.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    /**
     * Runs the scenario, printing a progress line to {@code console} every progress interval of a long run.
     *
     * @throws LoadConfigurationException when the scenario cannot run as written (including a non-loopback host
     *                                    without {@code allowRemoteHost})
     * @throws LoadRunException           when the service cannot be reached
     */
    public static LoadRun run(LoadScenario scenario, Consumer<String> console) {
        return run(scenario, LoadLimits.startingNow(scenario), console);
    }

    /** Runs the scenario within limits shared with other runs of the same load test. */
    static LoadRun run(LoadScenario scenario, LoadLimits limits, Consumer<String> console) {
        return new LoadEngine(scenario, limits, console).run();
    }

    public static LoadRun run(LoadScenario scenario) {
        return run(scenario, null);
    }
}
