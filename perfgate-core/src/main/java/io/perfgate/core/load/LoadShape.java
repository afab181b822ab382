package io.perfgate.core.load;

import java.time.Duration;
import java.util.List;

/**
 * How load is offered. The open model sends arrivals on a schedule whatever the server does, and times
 * each request from when the schedule wanted it sent, so a stalling server cannot hide its stall
 * (coordinated omission). The closed model keeps N users, each sending its next request after the
 * previous answer plus a think time; with no think time it measures the maximum throughput.
 */
public sealed interface LoadShape permits LoadShape.Open, LoadShape.Closed {

    /** How long the measured phase lasts. */
    Duration duration();

    /** One line for consoles and reports. */
    String describe();

    /** An open model: arrivals per second, in stages. */
    record Open(List<Stage> stages) implements LoadShape {
        public Open {
            if (stages == null || stages.isEmpty()) {
                throw new LoadConfigurationException("an open-model load needs at least one stage");
            }
            stages = List.copyOf(stages);
        }

        public static Open constant(double rate, Duration duration) {
            return new Open(List.of(Stage.constant(rate, duration)));
        }

        @Override
        public Duration duration() {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }

        public double plannedArrivals() {
            return stages.stream().mapToDouble(Stage::arrivals).sum();
        }

        public double peakRate() {
            return stages.stream().mapToDouble(stage -> Math.max(stage.fromRate(), stage.toRate())).max().orElse(0);
        }

        /** The rate at the start of the schedule, used for warmup. */
        public double initialRate() {
            Stage first = stages.get(0);
            return first.fromRate() > 0 ? first.fromRate() : first.toRate();
        }

        @Override
        public String describe() {
            if (stages.size() == 1 && stages.get(0).fromRate() == stages.get(0).toRate()) {
                return "open model, " + Rates.format(stages.get(0).fromRate()) + " for " + Rates.format(duration());
            }
            StringBuilder text = new StringBuilder("open model, stages");
            for (Stage stage : stages) {
                text.append(' ').append(stage.fromRate() == stage.toRate() ? Rates.format(stage.fromRate())
                        : Rates.format(stage.fromRate()) + ".." + Rates.format(stage.toRate()))
                        .append(" for ").append(Rates.format(stage.duration())).append(';');
            }
            text.setLength(text.length() - 1);
            return text.toString();
        }
    }

    /** A closed model: a fixed number of users, each waiting for its answer and thinking before the next. */
    record Closed(int users, Duration thinkTime, Duration duration) implements LoadShape {
        public Closed {
            if (users < 1) {
                throw new LoadConfigurationException("a closed-model load needs at least one user, got " + users);
            }
            thinkTime = thinkTime == null ? Duration.ZERO : thinkTime;
            if (thinkTime.isNegative()) {
                throw new LoadConfigurationException("think time must not be negative, got " + thinkTime);
            }
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new LoadConfigurationException("a closed-model load needs a positive duration, got " + duration);
            }
        }

        /** Maximum throughput: users send back to back. */
        public static Closed maxThroughput(int users, Duration duration) {
            return new Closed(users, Duration.ZERO, duration);
        }

        @Override
        public String describe() {
            return "closed model, " + users + (users == 1 ? " user" : " users")
                    + (thinkTime.isZero() ? " back to back" : ", think time " + Rates.format(thinkTime))
                    + " for " + Rates.format(duration);
        }
    }
}
