package io.perfgate.core.load;

import io.perfgate.core.result.TestResult;

import java.util.List;

/**
 * What running a load test produced.
 *
 * @param result   the result to write for {@code check}
 * @param runs     every run made: a capacity probe, the measured run, or each stress step
 * @param capacity the capacity given, probed, or found by stress (the last rate that held); null when unknown
 * @param failure  why the test could not run as planned (an unreachable service), or null
 * @param measured the run the result's figures come from (a stress test's last step that held, not the step that
 *                 broke after it), or null when none did
 */
public record LoadTestOutcome(TestResult result, List<LoadRun> runs, Double capacity, String failure, LoadRun measured) {
    public LoadTestOutcome {
        runs = List.copyOf(runs);
    }
}
