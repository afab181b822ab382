package io.perfgate.core.check;

import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.TestResult;

import java.util.List;

/**
 * A test's result with the verdict on each of its gates; its verdict is the worst of theirs.
 *
 * @param label the test as every output of this run names it ({@link io.perfgate.core.result.TestLabels})
 */
public record TestOutcome(TestResult result, String label, Verdict verdict, List<GateOutcome> gates) {

    public TestOutcome {
        gates = List.copyOf(gates);
    }

    public boolean blocks() {
        return gates.stream().anyMatch(GateOutcome::blocks);
    }
}
