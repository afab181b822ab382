package io.perfgate.core.load;

import java.util.List;

/**
 * A sequence of requests one user makes in order, on one connection; later steps may use values captured
 * from earlier responses. A failed step ends the iteration. Each iteration of a flow is one arrival of the
 * open model; the weight sets how often a flow is picked relative to the others.
 */
public record Flow(String name, double weight, List<HttpStep> steps) {

    public Flow {
        if (name == null || name.isBlank()) {
            throw new LoadConfigurationException("a flow needs a name");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new LoadConfigurationException("flow '" + name + "': weight " + weight + " must be above zero");
        }
        if (steps == null || steps.isEmpty()) {
            throw new LoadConfigurationException("flow '" + name + "' has no steps; give at least one request");
        }
        steps = List.copyOf(steps);
    }

    public static Flow of(String name, HttpStep... steps) {
        return new Flow(name, 1, List.of(steps));
    }

    public Flow weight(double newWeight) {
        return new Flow(name, newWeight, steps);
    }
}
