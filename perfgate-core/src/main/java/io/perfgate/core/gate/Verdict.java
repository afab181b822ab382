package io.perfgate.core.gate;

import java.util.Collection;

/** The outcome of judging one metric, one gate or one test. Declared from best to worst. */
public enum Verdict {
    /** The work did not run on purpose: disabled, assumption aborted, tests skipped. */
    SKIPPED,
    PASS,
    /** Beyond the target but within the threshold. */
    WARN,
    /**
     * Beyond the threshold (or without a verdict), but excused by an approved, unexpired waiver: reported
     * with the measured value and the waiver, never failing the build.
     */
    WAIVED,
    /** The data cannot support a verdict (too few samples, a generator that fell behind). */
    INCONCLUSIVE,
    /** Beyond the threshold, or a declared metric that was not measured. */
    FAIL;

    /** Whether this is to be reported as a violation: beyond a target or threshold, or without a verdict. */
    public boolean isViolation() {
        return this == WARN || this == WAIVED || this == FAIL || this == INCONCLUSIVE;
    }

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The worst of the given verdicts; SKIPPED when there are none. */
    public static Verdict worst(Collection<Verdict> verdicts) {
        Verdict worst = SKIPPED;
        for (Verdict verdict : verdicts) {
            worst = worst.worse(verdict);
        }
        return worst;
    }
}
