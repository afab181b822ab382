package io.perfgate.maven;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of the goals that run tests of their own (benchmarks, load scenarios, pages): {@code -DskipTests} and
 * {@code -Dmaven.test.skip} skip them too, as they skip surefire's.
 */
public abstract class TestRunMojo extends AbstractPerfgateMojo {

    /** Benchmark, load and page runs are tests: {@code -DskipTests} skips them too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTestCompilation;

    /**
     * The switch that skips this run, named for the log: the goal's own, then {@code skipTests}, then
     * {@code maven.test.skip}; null when the run goes ahead.
     */
    protected String skippedBy(boolean goalSwitch, String goalProperty) {
        return goalSwitch ? goalProperty : skipTests ? "skipTests" : skipTestCompilation ? "maven.test.skip" : null;
    }
}
