package io.perfgate.core.measure;

import java.util.function.IntFunction;

/**
 * What one worker does in one slice of a phase (the warmup or a round), and how a {@link WorkloadPlan} is shared
 * out into slices: over the rounds, then over the threads.
 */
record SliceSpec(long maxInvocations, long softStopNanos, long hardStopNanos,
                 long minInvocations, long minSuccesses) {

    static final long NO_STOP = Long.MAX_VALUE;

    /** One round's slice for each worker index (null: that worker sits out), and whether the cap shortened it. */
    record RoundPlan(IntFunction<SliceSpec> perWorker, boolean shortened) {
        SliceSpec forWorker(int index) {
            return perWorker.apply(index);
        }
    }

    /** The warmup's slice for each worker index; null when the plan has no warmup. */
    static IntFunction<SliceSpec> warmup(WorkloadPlan plan, int threads, long remainingNanos) {
        if (plan.warmupInvocations() >= 0) { // a warmup by count; else by time
            return plan.warmupInvocations() == 0 ? null : i -> {
                long share = share(plan.warmupInvocations(), threads, i);
                return share == 0 ? null : new SliceSpec(share, NO_STOP, remainingNanos, 0, 0);
            };
        }
        return plan.warmupNanos() <= 0 ? null
                : i -> new SliceSpec(NO_STOP, NO_STOP, Math.min(plan.warmupNanos(), remainingNanos), 0, 0);
    }

    /** The slices of measured round {@code round}, with {@code roundsLeft} rounds (this one included) to go. */
    static RoundPlan round(WorkloadPlan plan, int round, int roundsLeft, long remainingNanos) {
        int threads = plan.threads();
        int rounds = plan.rounds();
        if (plan.fixedInvocations()) {
            long roundShare = share(plan.invocations(), rounds, round);
            long hard = remainingNanos / roundsLeft;
            return new RoundPlan(i -> {
                long share = share(roundShare, threads, i);
                return share == 0 ? null : new SliceSpec(share, NO_STOP, hard, 0, 0);
            }, false);
        }
        if (plan.fixedDuration()) {
            long wanted = share(plan.durationNanos(), rounds, round);
            long hard = Math.min(wanted, remainingNanos);
            return new RoundPlan(i -> new SliceSpec(NO_STOP, NO_STOP, hard, 0, 0), hard < wanted);
        }
        long hard = remainingNanos / roundsLeft;
        long soft = ceilDiv(plan.minDurationNanos(), rounds);
        long minInvocations = ceilDiv(plan.minInvocations(), (long) rounds * threads);
        long minSuccesses = ceilDiv(plan.minSuccesses(), (long) rounds * threads);
        return new RoundPlan(i -> new SliceSpec(NO_STOP, soft, hard, minInvocations, minSuccesses), false);
    }

    /** The index-th of {@code parts} near-equal shares of {@code total}; the first ones take the remainder. */
    static long share(long total, long parts, long index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    private static long ceilDiv(long value, long divisor) {
        return value <= 0 ? 0 : (value + divisor - 1) / divisor;
    }
}
