package io.perfgate.core.waiver;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.check.Waived;
import io.perfgate.core.gate.Verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies waivers to what {@code check} judged. A metric whose violation would fail the build (FAIL, or
 * INCONCLUSIVE without leave) and that an unexpired waiver names becomes WAIVED; its message keeps the measured
 * value and bound and adds the waiver. A waiver past its expiry leaves the violation as it was and is named in
 * its message. A gate that could not be judged at all (an invalid declaration, a missing result) is not waivable:
 * that is a defect, not a performance trade-off.
 */
public final class Waivers {

    /**
     * @param report    the report with waivers applied
     * @param unmatched waivers that met no blocking violation: stale ones to delete (a warning)
     */
    public record Applied(CheckReport report, List<Waived> used, List<Waiver> unmatched) {
    }

    private Waivers() {
    }

    public static Applied apply(CheckReport report, List<Waiver> waivers, LocalDate today) {
        if (waivers.isEmpty()) {
            return new Applied(report, List.of(), List.of());
        }
        Set<Waiver> matched = new LinkedHashSet<>();
        List<Waived> used = new ArrayList<>();
        List<TestOutcome> tests = new ArrayList<>();
        for (TestOutcome test : report.tests()) {
            List<GateOutcome> gates = new ArrayList<>();
            for (GateOutcome gate : test.gates()) {
                gates.add(gate(test, gate, waivers, today, matched, used));
            }
            Verdict verdict = gates.isEmpty() ? test.verdict()
                    : Verdict.worst(gates.stream().map(GateOutcome::verdict).toList());
            tests.add(new TestOutcome(test.result(), test.label(), verdict, gates));
        }
        List<Waiver> unmatched = waivers.stream().filter(waiver -> !matched.contains(waiver)).toList();
        CheckReport waived = new CheckReport(report.projectName(), report.generatedAt(), report.reportLocation(),
                tests, report.baseline(), report.recommendations());
        return new Applied(waived, List.copyOf(used), unmatched);
    }

    private static GateOutcome gate(TestOutcome test, GateOutcome gate, List<Waiver> waivers, LocalDate today,
                                    Set<Waiver> matched, List<Waived> used) {
        if (gate.problem() != null || gate.metrics().isEmpty()) {
            return gate;
        }
        List<MetricOutcome> metrics = new ArrayList<>();
        List<Waived> gateWaivers = new ArrayList<>(gate.waivers());
        boolean changed = false;
        for (MetricOutcome metric : gate.metrics()) {
            Optional<Waiver> waiver = gate.blocks(metric) ? choose(test, gate, metric, waivers, today) : Optional.empty();
            if (waiver.isEmpty()) {
                metrics.add(metric);
                continue;
            }
            Waiver chosen = waiver.get();
            matched.add(chosen);
            boolean expired = chosen.expiredOn(today);
            Waived waived = new Waived(test.label(), gate.title(), metric.metric(), metric.verdict(), chosen.reason(),
                    chosen.approver(), chosen.expires(), chosen.source(), expired);
            gateWaivers.add(waived);
            used.add(waived);
            metrics.add(new MetricOutcome(metric.metric(), metric.bound(), expired ? metric.verdict() : Verdict.WAIVED,
                    metric.value(), metric.samples(), metric.lower(), metric.upper(),
                    metric.message() + "; " + waived.describe()));
            changed = true;
        }
        if (!changed) {
            return gate;
        }
        return new GateOutcome(gate.declaration(), gate.implicit(), gate.inconclusiveAllowed(),
                Verdict.worst(metrics.stream().map(MetricOutcome::verdict).toList()), metrics, null, gateWaivers);
    }

    /** A waiver still in force wins over an expired one; among several, the first written. */
    private static Optional<Waiver> choose(TestOutcome test, GateOutcome gate, MetricOutcome metric,
                                           List<Waiver> waivers, LocalDate today) {
        List<Waiver> covering = waivers.stream().filter(waiver -> waiver.covers(test, gate, metric)).toList();
        return covering.stream().filter(waiver -> !waiver.expiredOn(today)).findFirst()
                .or(() -> covering.stream().findFirst());
    }
}
