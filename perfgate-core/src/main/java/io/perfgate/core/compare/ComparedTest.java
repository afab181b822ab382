package io.perfgate.core.compare;

import io.perfgate.core.result.ResultKind;

import java.util.List;

/**
 * One gated test, benchmark run, load scenario or page of head, and how it compared with the base.
 *
 * @param kind    what was compared, for counting and wording
 * @param reason  why it was not compared (new, a failed fork); null for a compared test
 * @param metrics its compared metrics; empty unless compared
 */
public record ComparedTest(String testId, String label, ResultKind kind, Status status, String reason,
                           List<PairedComparison> metrics) {

    /** Whether the test could be compared, and if not, why not. */
    public enum Status {
        /** Both versions ran in every pair; its metrics carry the outcomes. */
        COMPARED,
        /** Only head has the test: nothing to compare with. Reported, neither passed nor failed. */
        NEW,
        /** A base fork failed or recorded nothing for it: not compared, and never counted as a pass. */
        BASE_FAILED,
        /** A head fork failed or recorded nothing for it. */
        HEAD_FAILED,
        /**
         * Compare does not measure it again (a page: no browser; a @LoadTest or imported result: not in the scenario
         * file). Named, neither passed nor failed: check judges it.
         */
        LEFT_OUT
    }

    public ComparedTest {
        metrics = List.copyOf(metrics);
    }
}
