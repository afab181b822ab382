package io.perfgate.core.regression;

/** Why a comparison is INCONCLUSIVE, so a console can count them by reason instead of printing each. */
public enum Undecided {
    /** A metric a gate names has no replicate values on one side (too few samples a round, say). */
    NOT_COMPARABLE("a gated metric could not be compared"),
    /** Every round of this run waited too long for a CPU and was discarded: nothing is left to compare. */
    NO_CLEAN_ROUND("no round of this run was measured cleanly"),
    /** JMH measured the benchmark before its score reached steady state: its score is no level to compare. */
    STILL_WARMING("JMH measured the benchmark before it reached steady state"),
    /** The environments differ, or a coverage or debugger agent distorted one run. */
    UNFAIR("not a fair comparison"),
    /** Too few replicates a side for any interval at the configured confidence. */
    NO_INTERVAL("too few replicates for an interval"),
    /** Beyond the allowed change, but these replicates cannot reach significance over this many comparisons. */
    NO_SIGNIFICANCE("too few replicates for significance over this many comparisons"),
    /** The interval straddles the allowed change; more replicates would likely settle it. */
    STRADDLES("the interval straddles the allowed change"),
    /** The run-to-run variation alone spans the distance to the allowed change. */
    RUN_TO_RUN("run-to-run variation spans the allowed change"),
    /** A wall-time regression a busy machine could explain (see {@link ContendedRegressions}). */
    CONTENTION("the machine was too busy to tell the code's change from its own"),
    /** The spread between the JVMs that measured the two sides spans the distance to the allowed change. */
    JVM_SPREAD("the spread between JVMs spans the allowed change"),
    /** Replicates of one side at the other's level: the test switches speed with unchanged code ({@link LevelSwitches}). */
    LEVEL_SWITCHES("the test switches between speeds with unchanged code"),
    /** Still undecided with every confirmation run pooled. */
    AT_CAP("undecided at the replicate cap");

    private final String phrase;

    Undecided(String phrase) {
        this.phrase = phrase;
    }

    /** How a summary names the reason: {@code the interval straddles the allowed change}. */
    public String phrase() {
        return phrase;
    }
}
