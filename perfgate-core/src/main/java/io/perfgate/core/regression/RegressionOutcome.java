package io.perfgate.core.regression;

/** What a comparison with the baseline shows for one metric. */
public enum RegressionOutcome {
    /** Significantly worse (after the suite's correction) and the whole interval lies beyond the allowed change. */
    REGRESSED,
    /** The data cannot tell: the interval straddles the allowed change, too few replicates, or an unfair comparison. */
    INCONCLUSIVE,
    /** The interval lies within the allowed change. */
    UNCHANGED,
    /** The whole interval lies beyond the allowed change in the better direction. Reported, never failed. */
    IMPROVED
}
