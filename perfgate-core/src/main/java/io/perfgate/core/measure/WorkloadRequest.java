package io.perfgate.core.measure;

/**
 * A workload as the user wrote it (the attributes of {@code @PerfTest}), before defaults and the profile
 * fill it in. Text values use the bound syntax's durations ({@code "500ms"}, {@code "10s"}).
 *
 * @param warmup            warmup duration; blank: by invocations, or the profile's default
 * @param warmupInvocations warmup invocations (all threads together); negative: unset
 * @param invocations       measured invocations (all threads together); negative: unset
 * @param duration          measuring duration; blank: unset
 * @param threads           threads invoking the body at once on the same test instance
 * @param maxDuration       cap on the whole test, warmup included; blank: the profile's cap
 * @param declaration       how the declaration is named in errors, e.g. {@code @PerfTest}
 * @param declaredOn        where it was declared, e.g. {@code OrderTest#create} or {@code class OrderTest}
 */
public record WorkloadRequest(
        String warmup,
        long warmupInvocations,
        long invocations,
        String duration,
        int threads,
        String maxDuration,
        String declaration,
        String declaredOn) {

    /** Nothing set: every figure comes from the profile and the gates' needs. */
    public static WorkloadRequest defaults(String declaredOn) {
        return new WorkloadRequest("", -1, -1, "", 1, "", "defaults", declaredOn);
    }

    /** Names one attribute in an error: {@code @PerfTest(duration = "10 parsecs") on OrderTest#create}. */
    public String source(String attribute, Object value) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return declaration + "(" + attribute + " = " + shown + ") on " + declaredOn;
    }
}
