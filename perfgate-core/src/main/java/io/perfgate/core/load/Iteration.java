package io.perfgate.core.load;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One pass of a user through a flow: the step it is at, when that step was due, and its captured values. */
final class Iteration {
    final CompiledFlow flow;
    final RunRecorder.Phase phase;
    private final AtomicLong numbers;
    int step;
    /** When the current step was due: latency is measured from here. */
    long intended;
    int preSendRetries;
    private Map<String, String> variables;

    Iteration(CompiledFlow flow, RunRecorder.Phase phase, AtomicLong numbers, long intended) {
        this.flow = flow;
        this.phase = phase;
        this.numbers = numbers;
        this.intended = intended;
    }

    CompiledFlow.CompiledStep currentStep() {
        return flow.steps[step];
    }

    boolean hasNextStep() {
        return step + 1 < flow.steps.length;
    }

    /** Moves on to the next step, due now. */
    void advance(long now) {
        step++;
        intended = now;
        preSendRetries = 0;
    }

    Map<String, String> variables() {
        if (variables == null) {
            variables = new HashMap<>();
            // numbered when first needed: most iterations fill no template
            variables.put("iteration", Long.toString(numbers.incrementAndGet()));
            if (flow.usesUuid) {
                variables.put("uuid", UUID.randomUUID().toString());
            }
        }
        return variables;
    }
}
