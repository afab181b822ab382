package io.perfgate.core.jmh;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.jmh.JmhOutputMonitor.BenchmarkFailure;
import io.perfgate.core.result.BenchmarkDetails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs again, with a longer warmup, each benchmark that JMH measured while it was still warming up
 * ({@link SteadyState}), so that a short warmup suits the benchmarks that settle fast and the slow-warming ones
 * still get a steady score. Only that benchmark runs again, in its mode and with its {@code @Param} values pinned
 * ({@link JmhCommand#only}), with the warmup iterations doubled; the last attempt's result replaces the earlier
 * one. Retries stop when the benchmark is steady, after {@link Policy#retries} of them, or when the next attempt
 * would not fit in what is left of {@link Policy#budgetNanos}. A run still warming up after its last attempt is
 * reported per metric ({@link StillWarming}): only the gates on that metric get no verdict.
 */
public final class WarmupRetries {
    /** Warmup retries per benchmark run: the warmup doubled, then doubled again (4 and 8 times 1 s in smoke). */
    public static final int DEFAULT_RETRIES = 2;
    /** The least time all retries of a run may take together, however short the first run was. */
    public static final Duration MINIMUM_BUDGET = Duration.ofSeconds(60);
    /** Where each retry keeps JMH's files, under the first run's directory: {@code warmup-retry-1}. */
    public static final String DIRECTORY_PREFIX = "warmup-retry-";

    private WarmupRetries() {
    }

    /** What one JMH run wrote (its JSON entries) and the failures it printed. */
    public record Attempt(List<JmhRun> runs, List<BenchmarkFailure> failures) {
        public Attempt {
            runs = List.copyOf(runs);
            failures = List.copyOf(failures);
        }
    }

    /** Runs JMH once more; {@code number} counts retries across the whole run, from 1, to name their files. */
    @FunctionalInterface
    public interface Rerun {
        Attempt run(JmhCommand command, JmhSettings settings, int number);
    }

    /**
     * How far retries may go.
     *
     * @param retries     the most extra attempts per benchmark run; 0 only checks
     * @param budgetNanos the most time all retries together may take; an attempt whose estimate
     *                    ({@link JmhSettings#estimatedNanos}) does not fit in what is left is not started
     * @param noRetries   why there are none, for the message of a run still warming up; null when retries are on
     */
    public record Policy(int retries, long budgetNanos, String noRetries) {
        public Policy {
            if (retries < 0) {
                throw new IllegalArgumentException("warmupRetries = " + retries + " is negative");
            }
        }

        /** No retries, only the check; {@code why} says why, as in "the warmup was set in the pom". */
        public static Policy checkOnly(String why) {
            return new Policy(0, 0, why);
        }

        /**
         * Up to {@code retries} per benchmark run, all of them within as long again as the first run took (at least
         * {@link #MINIMUM_BUDGET}), and within what is left of the run's timeout.
         */
        public static Policy of(int retries, Duration firstRun, Duration timeLeft) {
            long budget = Math.min(Math.max(MINIMUM_BUDGET.toNanos(), firstRun.toNanos()), timeLeft.toNanos());
            return new Policy(retries, Math.max(0, budget), retries == 0 ? "warmupRetries = 0" : null);
        }
    }

    /**
     * Why a run's metrics were still warming up after its last attempt: the evidence and the warmup it had, each
     * null when that metric was steady.
     *
     * @param score      for the time and throughput gates ({@link BenchmarkDetails#stillWarming})
     * @param allocation for the memory gate ({@link BenchmarkDetails#allocationStillWarming})
     */
    public record StillWarming(String score, String allocation) {
    }

    /**
     * What to record.
     *
     * @param runs         the first run's entries, each still-warming one replaced by its last retry's
     * @param failures     the failures printed by the first run and by the retries whose results count
     * @param stillWarming by {@link JmhResults#id}, the runs with a metric still warming up after their last
     *                     attempt: the gates on that metric get no verdict
     * @param retries      how many times JMH ran again
     */
    public record Outcome(List<JmhRun> runs, List<BenchmarkFailure> failures, Map<String, StillWarming> stillWarming,
                          int retries) {
        public Outcome {
            runs = List.copyOf(runs);
            failures = List.copyOf(failures);
            stillWarming = Map.copyOf(stillWarming);
        }
    }

    /**
     * What perfgate:jmh does: runs JMH once in {@code runner} (within its timeout), then runs again whatever was
     * still warming up, as the policy for that first run allows, within what is left of the timeout.
     *
     * @param policy the retry policy, given how long the first run took and how much of the timeout is left
     * @param log    receives JMH's console lines and one line per retry
     * @throws JmhResultException when JMH timed out or failed, or its JSON cannot be read
     */
    public static Outcome run(JmhRunner runner, JmhCommand command, JmhSettings settings, boolean gcProfiler,
                              List<String> jvmArgsAppend, BiFunction<Duration, Duration, Policy> policy,
                              Consumer<String> log) {
        long start = System.nanoTime();
        long deadline = start + runner.timeout().toNanos();
        JmhRunner.Finished finished = runner.run(command, settings, gcProfiler, jvmArgsAppend, log);
        Optional<String> problem = finished.problem("JMH", runner);
        if (problem.isPresent()) {
            throw new JmhResultException(problem.get());
        }
        Duration firstRun = Duration.ofNanos(System.nanoTime() - start);
        Attempt first = new Attempt(JmhResultReader.read(runner.resultFile()), finished.failures());
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return apply(first, settings, policy.apply(firstRun, left),
                with(runner, gcProfiler, jvmArgsAppend, log, deadline), log, System::nanoTime);
    }

    /**
     * Checks every run of the first attempt and runs the still-warming ones again, one at a time.
     *
     * @param settings the settings of the first attempt
     * @param log      receives one line per retry, and the outcome of each benchmark retried
     * @param clock    {@link System#nanoTime}, or a test's clock
     */
    public static Outcome apply(Attempt first, JmhSettings settings, Policy policy, Rerun rerun, Consumer<String> log,
                                LongSupplier clock) {
        List<JmhRun> runs = new ArrayList<>(first.runs());
        List<BenchmarkFailure> failures = new ArrayList<>(first.failures());
        Map<String, StillWarming> stillWarming = new LinkedHashMap<>();
        long spent = 0;
        int retries = 0;
        for (int index = 0; index < runs.size(); index++) {
            JmhRun run = runs.get(index);
            if (failed(failures, run)) {
                continue; // a benchmark that threw fails whatever it measured
            }
            JmhSettings used = settings;
            int attempts = 1;
            SteadyState.Check warming = SteadyState.checkAll(run);
            String stoppedBecause = policy.noRetries() == null ? null : "no retries: " + policy.noRetries();
            // either metric still moving is worth a longer warmup: the retry measures both again
            while (warming.warming() && stoppedBecause == null) {
                if (attempts - 1 >= policy.retries()) {
                    stoppedBecause = "retries stop after " + policy.retries();
                    break;
                }
                JmhSettings next = used.withWarmupIterations(Math.max(1, used.warmupIterations() * 2));
                if (spent + next.estimatedNanos() > policy.budgetNanos()) {
                    stoppedBecause = "another attempt with warmup " + next.warmupText() + " (about "
                            + QuantityKind.DURATION.format(next.estimatedNanos()) + ") would not fit in the "
                            + QuantityKind.DURATION.format(policy.budgetNanos() - spent) + " left for warmup retries";
                    break;
                }
                JmhCommand command;
                try {
                    command = JmhCommand.only(run.benchmark(), run.mode(), run.params());
                } catch (IllegalArgumentException e) {
                    stoppedBecause = e.getMessage();
                    break;
                }
                log.accept("perfgate: " + label(run) + " was still warming up with warmup " + used.warmupText()
                        + ": " + warming.evidence() + "; running it again with warmup " + next.warmupText()
                        + " (retry " + attempts + " of at most " + policy.retries() + ")");
                long started = clock.getAsLong();
                Attempt again = rerun.run(command, next, ++retries);
                spent += clock.getAsLong() - started;
                attempts++;
                used = next;
                Optional<JmhRun> retried = again.runs().stream().filter(other -> sameRun(other, run)).findFirst();
                List<BenchmarkFailure> rerunFailures = again.failures().stream()
                        .filter(failure -> sameRun(failure, run)).toList();
                if (retried.isPresent()) {
                    runs.set(index, retried.get());
                }
                if (!rerunFailures.isEmpty() || retried.isEmpty()) {
                    failures.addAll(rerunFailures.isEmpty() ? List.of(new BenchmarkFailure(run.benchmark(), run.mode(),
                            run.consoleParams(), run.params(), "JMH recorded no result for its warmup retry and"
                            + " reported no failure; see JMH's output in " + DIRECTORY_PREFIX + retries))
                            : rerunFailures);
                    warming = new SteadyState.Check(Optional.empty(), Optional.empty());
                    break;
                }
                warming = SteadyState.checkAll(retried.get());
                if (!warming.warming()) {
                    log.accept("perfgate: " + label(run) + " was steady with warmup " + used.warmupText() + ": "
                            + QuantityKind.significant(retried.get().primaryMetric().score()) + " "
                            + retried.get().primaryMetric().scoreUnit() + " (this result replaces the first)");
                }
            }
            String how = "with warmup " + used.warmupText() + " per fork, after " + attempts
                    + (attempts == 1 ? " attempt" : " attempts, the warmup doubled each time") + " (" + stoppedBecause
                    + "): ";
            if (warming.warming()) {
                StillWarming why = new StillWarming(
                        warming.score().map(score -> "it was still warming up " + how + score.evidence()).orElse(null),
                        warming.allocation().map(bytes -> "its allocation per operation was still falling " + how
                                + bytes.evidence()).orElse(null));
                stillWarming.put(JmhResults.id(run.benchmark(), run.mode(), run.params()), why);
                if (why.score() != null) {
                    log.accept("perfgate: " + label(run) + "'s time and throughput gates have no verdict (a mean or"
                            + " throughput gate has one when even the worst measured iteration is within its bound): "
                            + why.score());
                }
                if (why.allocation() != null) {
                    log.accept("perfgate: " + label(run) + "'s memory gate has no verdict: " + why.allocation());
                }
            }
        }
        return new Outcome(runs, failures, stillWarming, retries);
    }

    /**
     * Runs each retry with {@code runner}'s JVM and class path, in a directory of its own under the runner's
     * ({@code warmup-retry-N}), within what is left until {@code deadline}; the retry's JSON entries then replace
     * those of the same benchmark in the runner's result file, and the retry's own JSON is removed, so the only
     * JMH JSON left is the final one. Its console output stays, beside it.
     *
     * @param deadline a {@link System#nanoTime} by which every retry must be over
     * @throws JmhResultException (from the returned Rerun) when JMH fails, or the deadline passes
     */
    public static Rerun with(JmhRunner runner, boolean gcProfiler, List<String> jvmArgsAppend, Consumer<String> console,
                             long deadline) {
        return (command, settings, number) -> {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            JmhRunner retry = runner.in(runner.directory().resolve(DIRECTORY_PREFIX + number), left);
            JmhRunner.Finished finished = retry.run(command, settings, gcProfiler, jvmArgsAppend, console);
            Optional<String> problem = finished.problem("JMH's warmup retry " + command.includes(), retry);
            if (problem.isPresent()) {
                throw new JmhResultException(problem.get());
            }
            if (!Files.isRegularFile(retry.resultFile())) {
                return new Attempt(List.of(), finished.failures());
            }
            List<JmhRun> runs = JmhResultReader.replaceEntries(runner.resultFile(), retry.resultFile());
            try {
                Files.delete(retry.resultFile());
            } catch (IOException e) {
                throw new JmhResultException("cannot remove " + retry.resultFile() + ": " + e.getMessage(), e);
            }
            return new Attempt(runs, finished.failures());
        };
    }

    private static boolean failed(List<BenchmarkFailure> failures, JmhRun run) {
        return failures.stream().anyMatch(failure -> sameRun(failure, run));
    }

    private static boolean sameRun(JmhRun one, JmhRun other) {
        return one.benchmark().equals(other.benchmark()) && one.mode() == other.mode()
                && one.params().equals(other.params());
    }

    private static boolean sameRun(BenchmarkFailure failure, JmhRun run) {
        return failure.key().equals(BenchmarkFailure.key(run.benchmark(), run.mode(), run.consoleParams()));
    }

    private static String label(JmhRun run) {
        return run.benchmark() + " (" + run.mode().shortLabel()
                + (run.params().isEmpty() ? "" : ", " + run.consoleParams()) + ")";
    }
}
