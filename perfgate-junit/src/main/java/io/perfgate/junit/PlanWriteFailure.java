package io.perfgate.junit;

import io.perfgate.core.result.ResultFileException;

/**
 * A test plan this JVM could not write. Without it {@code check} cannot know which gated tests were meant to run,
 * and JUnit swallows what a listener throws; test failures may be ignored ({@code maven.test.failure.ignore}). So
 * once the plan has run, the JVM stops with {@link #EXIT_STATUS}: surefire and failsafe report a test JVM that
 * ended without saying goodbye as a build error, whatever that flag says. A full disk never passes.
 */
final class PlanWriteFailure {

    /** The exit status of a test JVM that could not write its plan. */
    static final int EXIT_STATUS = 75;

    private static volatile String failure;

    private PlanWriteFailure() {
    }

    static void report(ResultFileException e, int plannedTests) {
        failure = "[perfgate] cannot record the test plan of " + plannedTests + " gated test(s): " + e.getMessage()
                + ". Without it a missing result could not be told from a test that never ran, so this test JVM"
                + " stops with status " + EXIT_STATUS + " after its tests (free disk space, or make "
                + e.file().getParent() + " writable)";
        System.err.println(failure);
    }

    /** Ends the JVM when a plan could not be written; the message is printed again, last, where it is seen. */
    static void haltIfReported() {
        String reported = failure;
        if (reported != null) {
            System.err.println(reported);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
