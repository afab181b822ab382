package io.perfgate.core.waiver;

import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One approved exception from {@code .perfgate/waivers.yaml}: a test, optionally narrowed to a gate and a metric,
 * with the reason, who approved it and until when (inclusive).
 *
 * @param test     the test's label ({@code OrderTest#create}) or {@code fully.qualified.Class#method}
 * @param gate     the gate's annotation name without {@code @} ({@code LatencyGate}); null for every gate
 * @param metric   the metric's label ({@code p95}) or attribute; null for every metric of the gate
 * @param source   the file and line it is written at, for messages
 */
public record Waiver(String test, String gate, String metric, String reason, String approver, LocalDate expires,
                     String source) {

    /** Whether the waiver has stopped applying on {@code today}: the expiry date is the last day it applies. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** Whether the waiver names this metric of this gate of this test. */
    public boolean covers(TestOutcome test, GateOutcome gate, MetricOutcome metric) {
        return namesTest(test) && (this.gate == null || gateName(gate).equalsIgnoreCase(stripAt(this.gate)))
                && (this.metric == null || this.metric.equalsIgnoreCase(metric.metric().label())
                || this.metric.equalsIgnoreCase(metric.metric().attribute()));
    }

    private boolean namesTest(TestOutcome outcome) {
        // the run's label, as the report prints it: TestLabels qualifies classes sharing a simple name, so a bare
        // OrderTest#create then names neither of two OrderTest classes, as in perfgate.accept
        String qualified = outcome.result().className() + "#" + outcome.result().methodName();
        return test.equals(outcome.label()) || test.equals(qualified) || test.equals(outcome.result().id());
    }

    private static String gateName(GateOutcome gate) {
        return stripAt(gate.declaration().gate());
    }

    private static String stripAt(String name) {
        return name.startsWith("@") ? name.substring(1) : name;
    }

    /** {@code SlowTest#sleeps @LatencyGate p95}, for messages. */
    public String target() {
        return test + (gate == null ? "" : " @" + stripAt(gate)) + (metric == null ? "" : " " + metric.toLowerCase(Locale.ROOT));
    }
}
