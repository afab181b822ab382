package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;

import java.time.Duration;
import java.util.Locale;

/**
 * A load plan's worst case against its scenario's {@code maxDuration} and {@code maxRequests}, checked as a whole
 * before anything is sent: every step of a stress test, and the capacity probe plus the run of a normal or peak
 * test. Planned time counts warmups and measured phases; requests count every arrival the schedules could make,
 * times the longest flow's steps. At run time {@link LoadLimits} holds the same limits request by request.
 */
final class PlanLimits {
    private PlanLimits() {
    }

    /** @throws LoadConfigurationException naming the plan, its worst case and the limit it exceeds */
    static void check(LoadPlan plan, LoadScenario scenario) {
        switch (plan.kind()) {
            case AS_SHAPED -> {
                // the scenario checks its own shape when built
            }
            case STRESS -> checkStress(plan, scenario);
            case NORMAL, PEAK -> checkNormalOrPeak(plan, scenario);
        }
    }

    private static void checkStress(LoadPlan plan, LoadScenario scenario) {
        int steps = plan.maxStepsOrDefault();
        Duration step = plan.stepDurationOrDefault();
        double start = stressStart(plan);
        double added = stressStep(plan);
        Duration time = scenario.warmup().plus(step.multipliedBy(steps));
        String what = String.format(Locale.ROOT, "the stress plan of load scenario '%s' (%s warmup, then up to %d steps"
                        + " of %s from %s, adding %s each)", scenario.name(), Rates.format(scenario.warmup()), steps,
                Rates.format(step), Rates.format(start), Rates.format(added));
        requireTime(what, time, scenario, "lower maxSteps or stepDuration");
        long requests = arrivals(start, scenario.warmup());
        for (int k = 0; k < steps; k++) {
            requests += arrivals(start + k * added, step);
        }
        requireRequests(what, requests * stepsPerArrival(scenario.flows()), scenario, "lower maxSteps, stepRate or stepDuration");
    }

    private static void checkNormalOrPeak(LoadPlan plan, LoadScenario scenario) {
        String kind = plan.kind().name().toLowerCase(Locale.ROOT);
        Duration run = scenario.warmup().plus(plan.duration());
        if (probes(plan)) {
            Duration probe = scenario.warmup().plus(plan.probeDurationOrDefault());
            String what = "the " + kind + " plan of load scenario '" + scenario.name() + "' (a capacity probe of "
                    + Rates.format(probe) + " with warmup, then " + Rates.format(run) + " of " + kind + " load)";
            requireTime(what, probe.plus(run), scenario, "shorten probeDuration or duration, or give the capacity");
            long share = probeShare(plan, scenario);
            if (share < scenario.connections()) {
                throw new LoadConfigurationException(what + " leaves its capacity probe " + QuantityKind.grouped(share)
                        + " of maxRequests " + QuantityKind.grouped(scenario.maxRequests()) + " (the rest is kept for the "
                        + kind + " load), fewer than one request per connection (" + scenario.connections()
                        + "); raise maxRequests, or give the capacity or the rate");
            }
            return;
        }
        double rate = runRate(plan, plan.rate() != null ? plan.rate() : plan.capacity() * LoadPlan.NORMAL_SHARE);
        String what = "the " + kind + " plan of load scenario '" + scenario.name() + "' (" + Rates.format(rate)
                + " for " + Rates.format(plan.duration()) + " after " + Rates.format(scenario.warmup()) + " warmup)";
        requireTime(what, run, scenario, "shorten duration");
        requireRequests(what, runRequests(plan, scenario, rate), scenario, "lower the rate or shorten duration");
    }

    /** Whether a normal or peak plan measures the capacity first. */
    static boolean probes(LoadPlan plan) {
        return plan.rate() == null && plan.capacity() == null;
    }

    /** The open-model rate of a normal or peak run whose normal rate is given. */
    static double runRate(LoadPlan plan, double normalRate) {
        return plan.kind() == LoadPlan.Kind.PEAK ? normalRate * LoadPlan.PEAK_FACTOR : normalRate;
    }

    /** The most requests a normal or peak run at {@code rate} sends, warmup included. */
    static long runRequests(LoadPlan plan, LoadScenario scenario, double rate) {
        return constantRunRequests(scenario, rate, scenario.warmup(), plan.duration());
    }

    /** The most requests an open run at a constant rate sends over its warmup and measured phase. */
    private static long constantRunRequests(LoadScenario scenario, double rate, Duration warmup, Duration measured) {
        return (arrivals(rate, warmup) + arrivals(rate, measured)) * stepsPerArrival(scenario.flows());
    }

    /**
     * The capacity probe's part of maxRequests: as many as leave room for the run at the rate a probe that used
     * them all over its whole time would measure. A probe that reaches its part measured a capacity too high for
     * the rest of the limit to hold the run.
     */
    static long probeShare(LoadPlan plan, LoadScenario scenario) {
        double factor = runRate(plan, LoadPlan.NORMAL_SHARE) * stepsPerArrival(scenario.flows())
                * seconds(scenario.warmup().plus(plan.duration())) / seconds(plan.probeDurationOrDefault());
        // the run's arrivals are rounded up, by at most one per phase and step
        long rounding = 2L * stepsPerArrival(scenario.flows());
        return Math.max(0, (long) Math.floor((scenario.maxRequests() - rounding) / (1 + factor)));
    }

    static double stressStart(LoadPlan plan) {
        return plan.rate() != null ? plan.rate() : plan.capacity() * 0.25;
    }

    static double stressStep(LoadPlan plan) {
        return plan.stepRate() != null ? plan.stepRate() : stressStart(plan);
    }

    /** Arrivals an open schedule makes at a constant rate over the duration (the last one rounded up). */
    static long arrivals(double rate, Duration duration) {
        return (long) Math.ceil(rate * seconds(duration));
    }

    /** Requests per arrival at most: the longest flow's steps. */
    static int stepsPerArrival(java.util.List<Flow> flows) {
        return flows.stream().mapToInt(flow -> flow.steps().size()).max().orElse(1);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void requireTime(String what, Duration time, LoadScenario scenario, String fix) {
        if (time.compareTo(scenario.maxDuration()) > 0) {
            throw new LoadConfigurationException(what + " could last " + Rates.format(time) + " but maxDuration is "
                    + Rates.format(scenario.maxDuration()) + "; " + fix + ", or raise maxDuration");
        }
    }

    private static void requireRequests(String what, long requests, LoadScenario scenario, String fix) {
        if (requests > scenario.maxRequests()) {
            throw new LoadConfigurationException(what + " could send " + QuantityKind.grouped(requests)
                    + " requests but maxRequests is " + QuantityKind.grouped(scenario.maxRequests()) + "; " + fix
                    + ", or raise maxRequests");
        }
    }

    /** The capacity probe's limits: its share of the requests, and the time the run after it leaves. */
    static LoadLimits probeLimits(LoadPlan plan, LoadScenario scenario, LoadLimits limits) {
        long run = scenario.warmup().plus(plan.duration()).toNanos();
        long planned = scenario.warmup().plus(plan.probeDurationOrDefault()).toNanos() + run;
        // half the slack goes to the probe's connecting and draining, half to the run's
        long slack = Math.max(0, limits.remainingNanos() - planned);
        return limits.share(probeShare(plan, scenario), limits.deadline() - run - slack / 2, "the capacity probe");
    }

    /**
     * Why the run after a probe that found {@code capacity} cannot keep within what the probe left of the limits,
     * or null when it can. A probe that reached its share of maxRequests lands here: the capacity it measured
     * (over the time it actually measured) asks for more requests than the rest of the limit holds.
     */
    static String remainingFor(LoadPlan plan, LoadScenario scenario, double capacity, LoadLimits limits, LoadRun probe) {
        String kind = plan.kind().name().toLowerCase(Locale.ROOT);
        double rate = runRate(plan, capacity * LoadPlan.NORMAL_SHARE);
        long requests = runRequests(plan, scenario, rate);
        long left = limits.remainingRequests();
        String measured = "the capacity probe measured " + Rates.format(capacity) + " over "
                + Rates.formatNanos(probe.durationNanos()) + (probe.stoppedByLimit() ? " (" + String.join("; ", probe.notes())
                + ")" : "");
        if (requests > left) {
            long probeFull = (long) Math.ceil(capacity * seconds(scenario.warmup().plus(plan.probeDurationOrDefault())));
            return measured + "; " + kind + " load at " + Rates.format(rate) + " for " + Rates.format(plan.duration())
                    + " with warmup could send " + QuantityKind.grouped(requests) + " requests, more than the "
                    + QuantityKind.grouped(left) + " left of maxRequests " + QuantityKind.grouped(scenario.maxRequests())
                    + "; raise maxRequests to about " + QuantityKind.grouped(probeFull + requests)
                    + ", or give the capacity or the rate";
        }
        Duration run = scenario.warmup().plus(plan.duration());
        if (run.toNanos() > limits.remainingNanos()) {
            return measured + "; " + kind + " load needs " + Rates.format(run) + " with warmup, more than the "
                    + Rates.formatNanos(Math.max(0, limits.remainingNanos())) + " left of maxDuration "
                    + Rates.format(scenario.maxDuration()) + "; raise maxDuration";
        }
        return null;
    }

    /** Why a stress step cannot run within what is left of the limits, or null when it can. */
    static String stepDoesNotFit(LoadScenario scenario, double rate, Duration step, Duration warmup, LoadLimits limits) {
        long requests = constantRunRequests(scenario, rate, warmup, step);
        if (requests > limits.remainingRequests()) {
            return "could send " + QuantityKind.grouped(requests) + " requests, more than the "
                    + QuantityKind.grouped(limits.remainingRequests()) + " left of maxRequests "
                    + QuantityKind.grouped(scenario.maxRequests());
        }
        if (warmup.plus(step).toNanos() > limits.remainingNanos()) {
            return "needs " + Rates.format(warmup.plus(step)) + ", more than the "
                    + Rates.formatNanos(Math.max(0, limits.remainingNanos())) + " left of maxDuration "
                    + Rates.format(scenario.maxDuration());
        }
        return null;
    }
}
