package io.perfgate.core.load;

import io.perfgate.core.load.ScenarioText.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a scenario's {@code load} block: the model (open, closed, normal, peak or stress) and its figures, into
 * the scenario's shape and the {@link LoadPlan}.
 */
final class LoadPlanReader {
    private final ScenarioText text;

    LoadPlanReader(ScenarioText text) {
        this.text = text;
    }

    LoadPlan load(Node load, LoadScenario.Builder builder) {
        load.requireObject();
        String model = load.field("model").text("open").toLowerCase(Locale.ROOT);
        switch (model) {
            case "open" -> {
                load.allowOnly("model", "rate", "duration", "stages");
                Node stages = load.field("stages");
                if (!stages.missing()) {
                    if (!load.field("rate").missing() || !load.field("duration").missing()) {
                        throw error(load.path, "gives both stages and rate/duration; give one or the other");
                    }
                    stages.requireArray();
                    if (stages.node.isEmpty()) {
                        throw error(stages.path, "is empty; give at least one stage");
                    }
                    List<Stage> list = new ArrayList<>();
                    for (int i = 0; i < stages.node.size(); i++) {
                        Node stage = stages.element(i);
                        stage.requireObject();
                        stage.allowOnly("rate", "duration");
                        String rate = stage.field("rate").requiredText();
                        Duration duration = stage.field("duration").requiredDuration();
                        int range = rate.indexOf("..");
                        try {
                            list.add(range < 0 ? Stage.constant(stage.field("rate").rate(), duration)
                                    : Stage.ramp(rateOf(rate.substring(0, range), stage.field("rate")),
                                    rateOf(rate.substring(range + 2), stage.field("rate")), duration));
                        } catch (LoadConfigurationException e) {
                            throw error(stage.path, e.getMessage());
                        }
                    }
                    builder.shape(new LoadShape.Open(list));
                } else {
                    double rate = load.field("rate").requiredRate();
                    builder.rate(rate, load.field("duration").requiredDuration());
                }
                return LoadPlan.AS_SHAPED;
            }
            case "closed" -> {
                load.allowOnly("model", "users", "thinkTime", "duration");
                Node users = load.field("users");
                if (users.missing()) {
                    throw error(users.path, "is missing; the closed model needs a number of users");
                }
                Node think = load.field("thinkTime");
                builder.users(users.integer(1, 10_000), think.missing() ? Duration.ZERO : think.duration(true),
                        load.field("duration").requiredDuration());
                return LoadPlan.AS_SHAPED;
            }
            case "normal", "peak" -> {
                load.allowOnly("model", "rate", "capacity", "duration", "probeDuration");
                Duration duration = load.field("duration").requiredDuration();
                Double rate = load.field("rate").optionalRate();
                Double capacity = load.field("capacity").optionalRate();
                if (rate != null && capacity != null) {
                    throw error(load.path, "gives both rate and capacity; the normal rate is either given or 70% of"
                            + " the capacity");
                }
                Node probe = load.field("probeDuration");
                // a placeholder shape; the runner replaces it with the normal or peak rate
                builder.shape(LoadShape.Open.constant(rate != null ? rate : capacity != null ? capacity : 1, duration));
                return new LoadPlan(model.equals("normal") ? LoadPlan.Kind.NORMAL : LoadPlan.Kind.PEAK, capacity, rate,
                        duration, probe.missing() ? null : probe.duration(false), null, null, 0, null, null);
            }
            case "stress" -> {
                load.allowOnly("model", "rate", "capacity", "stepRate", "stepDuration", "maxSteps", "p95", "maxErrorRate");
                Double rate = load.field("rate").optionalRate();
                Double capacity = load.field("capacity").optionalRate();
                if (rate == null && capacity == null) {
                    throw error(load.path + ".rate", "is missing; a stress test starts at rate (or at 25% of capacity)");
                }
                Node stepDuration = load.field("stepDuration");
                Node maxSteps = load.field("maxSteps");
                Node p95 = load.field("p95");
                Node errors = load.field("maxErrorRate");
                Duration step = stepDuration.missing() ? LoadPlan.DEFAULT_STEP : stepDuration.duration(false);
                builder.shape(LoadShape.Open.constant(rate != null ? rate : capacity, step));
                try {
                    return new LoadPlan(LoadPlan.Kind.STRESS, capacity, rate, null, null, load.field("stepRate").optionalRate(),
                            step, maxSteps.missing() ? 0 : maxSteps.integer(1, 100),
                            p95.missing() ? null : (double) p95.duration(false).toNanos(),
                            errors.missing() ? null : errors.percent());
                } catch (LoadConfigurationException e) {
                    throw error(load.path, e.getMessage());
                }
            }
            default -> throw error(load.path + ".model", "'" + model + "' is not a load model; expected open, closed,"
                    + " normal, peak or stress");
        }
    }

    private double rateOf(String text, Node where) {
        return Rates.parseRate(text.strip(), source(where.path));
    }

    private LoadConfigurationException error(String path, String problem) {
        return text.error(path, problem);
    }

    private String source(String path) {
        return text.source(path);
    }
}
