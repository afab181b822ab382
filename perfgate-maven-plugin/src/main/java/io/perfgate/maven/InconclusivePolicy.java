package io.perfgate.maven;

import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;

import java.util.List;

/**
 * {@code perfgate.failOnInconclusive=false}: every gate accepts INCONCLUSIVE, as if each declared
 * {@code allowInconclusive = true}. Applied to the results before judging, so the reports show the same
 * relaxed verdicts the build acts on.
 */
final class InconclusivePolicy {
    private InconclusivePolicy() {
    }

    static List<TestResult> allowEverywhere(List<TestResult> results) {
        return results.stream().map(InconclusivePolicy::allow).toList();
    }

    private static TestResult allow(TestResult result) {
        List<GateDeclaration> gates = result.gates().stream()
                .map(gate -> gate.allowInconclusive() ? gate : new GateDeclaration(gate.gate(), gate.level(), true,
                        gate.declaredOn(), gate.bounds(), gate.scope()))
                .toList();
        return new TestResult(result.schemaVersion(), result.kind(), result.id(), result.className(), result.methodName(),
                result.displayName(), result.status(), result.statusReason(), gates, result.workload(),
                result.measurement(), result.endpoints(), result.environment(), result.startedAt());
    }
}
