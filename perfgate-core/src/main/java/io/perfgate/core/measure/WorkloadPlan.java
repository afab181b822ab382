package io.perfgate.core.measure;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.Workload;

/**
 * A fully resolved workload: what the measuring loop will do for one test. It runs in one of three modes:
 * <ul>
 *   <li><b>fixed invocations</b> ({@code invocations > 0}): exactly that many measured invocations, all threads
 *       together, unless the cap stops the run first;</li>
 *   <li><b>fixed duration</b> ({@code durationNanos > 0}): measure for that long;</li>
 *   <li><b>adaptive</b> (neither): measure at least {@code minDurationNanos} and until the gates have the
 *       samples they need ({@code minSuccesses}, {@code minInvocations}), or until the cap.</li>
 * </ul>
 * In every mode the measurement is split into {@code rounds} replicates and the whole test, warmup included,
 * stops at {@code maxDurationNanos} (checked between invocations; a body that never returns is not interrupted).
 *
 * @param warmupNanos       warmup duration; 0 when warmup is by invocations or there is none
 * @param warmupInvocations warmup invocations, all threads together; -1 when warmup is by duration
 */
public record WorkloadPlan(
        Profile profile,
        long warmupNanos,
        long warmupInvocations,
        long invocations,
        long durationNanos,
        long minDurationNanos,
        long minSuccesses,
        long minInvocations,
        int threads,
        long maxDurationNanos,
        int rounds) {

    /** More threads than this is a typo, not a workload. */
    public static final int MAX_THREADS = 1024;

    public boolean fixedInvocations() {
        return invocations > 0;
    }

    public boolean fixedDuration() {
        return durationNanos > 0;
    }

    public boolean adaptive() {
        return !fixedInvocations() && !fixedDuration();
    }

    /**
     * Fills in what the request leaves open from the profile and the gates' needs, and rejects contradictions.
     *
     * @param request the user's workload; {@link WorkloadRequest#defaults} when none was declared
     * @throws InvalidGateException naming the declaration, the attribute and the value
     */
    public static WorkloadPlan resolve(Profile profile, WorkloadRequest request, SampleRequirement need) {
        if (request.threads() < 1 || request.threads() > MAX_THREADS) {
            throw new InvalidGateException(request.source("threads", request.threads())
                    + ": expected 1 to " + MAX_THREADS + " threads");
        }
        boolean warmupByTime = !blank(request.warmup());
        if (warmupByTime && request.warmupInvocations() >= 0) {
            throw new InvalidGateException(request.source("warmup", request.warmup())
                    + ": set warmup or warmupInvocations, not both");
        }
        boolean invocationsSet = request.invocations() >= 0;
        boolean durationSet = !blank(request.duration());
        if (invocationsSet && durationSet) {
            throw new InvalidGateException(request.source("duration", request.duration())
                    + ": set invocations or duration, not both (maxDuration caps a run by invocations)");
        }
        if (invocationsSet && request.invocations() == 0) {
            throw new InvalidGateException(request.source("invocations", request.invocations())
                    + ": expected at least 1 invocation");
        }

        long warmupNanos;
        long warmupInvocations;
        if (warmupByTime) {
            warmupNanos = duration(request, "warmup", request.warmup(), true);
            warmupInvocations = -1;
        } else if (request.warmupInvocations() >= 0) {
            warmupNanos = 0;
            warmupInvocations = request.warmupInvocations();
        } else {
            warmupNanos = profile.warmupNanos();
            warmupInvocations = -1;
        }

        long durationNanos = durationSet ? duration(request, "duration", request.duration(), false) : 0;
        long invocations = invocationsSet ? request.invocations() : 0;

        long maxDurationNanos;
        if (!blank(request.maxDuration())) {
            maxDurationNanos = duration(request, "maxDuration", request.maxDuration(), false);
            if (warmupNanos + durationNanos > maxDurationNanos) {
                throw new InvalidGateException(request.source("maxDuration", request.maxDuration())
                        + ": the cap is shorter than warmup plus duration ("
                        + QuantityKind.DURATION.format(warmupNanos + durationNanos) + ")");
            }
        } else {
            // an explicit duration or warmup is honoured: the cap only guards against runs that never end
            maxDurationNanos = Math.max(profile.maxDurationNanos(), 2 * (warmupNanos + durationNanos));
        }

        int rounds = profile.rounds();
        if (invocationsSet) {
            rounds = (int) Math.min(rounds, invocations);
        }
        boolean adaptive = !invocationsSet && !durationSet;
        return new WorkloadPlan(profile, warmupNanos, warmupInvocations, invocations, durationNanos,
                adaptive ? profile.minDurationNanos() : 0,
                adaptive ? need.successes() : 0,
                adaptive ? need.invocations() : 0,
                request.threads(), maxDurationNanos, rounds);
    }

    /** The workload as recorded in the result file. */
    public Workload toWorkload() {
        return new Workload(profile.id(), Math.max(0, warmupInvocations), warmupNanos, invocations, durationNanos,
                threads, maxDurationNanos);
    }

    private static long duration(WorkloadRequest request, String attribute, String text, boolean zeroAllowed) {
        String source = request.source(attribute, text);
        double nanos = QuantityKind.DURATION.parse(text, source);
        if (!zeroAllowed && nanos <= 0) {
            throw new InvalidGateException(source + ": expected a duration above zero");
        }
        if (nanos >= Long.MAX_VALUE / 4) {
            throw new InvalidGateException(source + ": too long");
        }
        return Math.round(nanos);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
