package io.perfgate.core.compare;

import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs base and head in alternating forks, one fork per side per pair, in ABBA order (base-head, head-base, ...),
 * so a drift of the machine's speed during the run weighs on both sides alike. What a fork is belongs to a
 * {@link ForkRunner}: a child JVM running the gated JUnit tests ({@link TestForkRunner}), a JMH run of the gated
 * benchmarks with one JMH fork each ({@link BenchmarkForkRunner}), or one version's service driven with the load
 * scenarios ({@link ServiceForkRunner}). Records only; {@link CompareAnalysis} judges.
 */
public final class InterleavedRuns {

    /** Which version a fork ran. */
    public enum Side {
        BASE, HEAD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One version's class path and where its forks run (its module directory, for code reading relative files). */
    public record Version(Side side, String classpath, Path workingDirectory) {
    }

    /**
     * @param pairs          how many base/head pairs
     * @param totalTimeout   the time limit of all schedules together, for messages
     * @param deadlineNanos  when it runs out ({@link System#nanoTime}): no further pair starts after it
     */
    public record Settings(int pairs, Duration totalTimeout, long deadlineNanos) {
        public Settings {
            if (pairs < 1 || pairs > SignedRankTest.MAX_PAIRS) {
                throw new IllegalArgumentException("perfgate.compare.pairs must lie between 1 and "
                        + SignedRankTest.MAX_PAIRS + ", got " + pairs);
            }
        }

        /** Settings whose time limit starts now, shared by every schedule run with them. */
        public static Settings startingNow(int pairs, Duration totalTimeout) {
            return new Settings(pairs, totalTimeout, System.nanoTime() + totalTimeout.toNanos());
        }
    }

    /** Runs one side's fork of one pair. */
    public interface ForkRunner {
        /**
         * @param ids       the ids of the results to record (tests, or benchmark runs)
         * @param probe     whether this fork also tells which of them the version lacks ({@link Fork#unmatched})
         * @param directory this fork's own directory, for its results and log
         */
        Fork run(int pair, int sequence, Version version, List<String> ids, boolean probe, Path directory)
                throws IOException, InterruptedException;
    }

    /**
     * One fork: its pair (0-based), side, place in the sequence, how it ended, what it recorded per id.
     *
     * @param unmatched the selections this version lacks (only asked in the first base fork)
     */
    public record Fork(int pair, Side side, int sequence, JvmFork.Exit exit, Map<String, TestResult> results,
                       List<String> unmatched) {

        /** The test's completed result in this fork, or null. */
        public TestResult completed(String testId) {
            TestResult result = results.get(testId);
            return result != null && result.status() == ResultStatus.COMPLETED && result.measurement() != null
                    ? result : null;
        }
    }

    /**
     * Everything the schedule ran.
     *
     * @param missingInBase tests the base does not have (new in head)
     * @param stoppedEarly  why fewer pairs ran than planned; null when all ran
     */
    public record Runs(List<Fork> forks, Set<String> missingInBase, int pairsPlanned, String stoppedEarly) {
        public Runs {
            forks = List.copyOf(forks);
            missingInBase = Set.copyOf(missingInBase);
        }

        /** Completed pairs: both of their forks ran. */
        public int pairsRun() {
            return (int) forks.stream().filter(fork -> fork.side() == Side.HEAD).count();
        }
    }

    private InterleavedRuns() {
    }

    /** The side that runs first in a pair: base in even pairs, head in odd ones (ABBA). */
    public static Side first(int pair) {
        return pair % 2 == 0 ? Side.BASE : Side.HEAD;
    }

    /**
     * Runs the schedule. The first fork (base) also tells which ids the base lacks; they are left out of every
     * later fork. A fork that times out or records nothing at all stops the schedule: more of the same would only
     * cost time.
     *
     * @param ids       the unique ids of head's gated tests or benchmark runs
     * @param directory where each fork's directory goes ({@code pair-01-base})
     * @param progress  a line per fork, for the build log
     */
    public static Runs run(List<String> ids, Version base, Version head, Settings settings, ForkRunner runner,
                           Path directory, Consumer<String> progress) throws IOException, InterruptedException {
        List<Fork> forks = new ArrayList<>();
        Set<String> missingInBase = new LinkedHashSet<>();
        List<String> selected = new ArrayList<>(ids);
        String stopped = null;
        int sequence = 0;
        pairs:
        for (int pair = 0; pair < settings.pairs(); pair++) {
            if (pair > 0 && System.nanoTime() - settings.deadlineNanos() > 0) {
                stopped = "the compare time limit of " + settings.totalTimeout().toMinutes() + " min ran out after "
                        + pair + " of " + settings.pairs() + " pairs (perfgate.compare.timeoutMinutes)";
                break;
            }
            Side first = first(pair);
            for (Side side : first == Side.BASE ? List.of(Side.BASE, Side.HEAD) : List.of(Side.HEAD, Side.BASE)) {
                Version version = side == Side.BASE ? base : head;
                boolean probe = sequence == 0;
                String name = String.format(Locale.ROOT, "pair-%02d-%s", pair + 1, side.label());
                Fork fork = runner.run(pair, sequence++, version, List.copyOf(selected), probe,
                        directory.resolve(name));
                forks.add(fork);
                progress.accept("perfgate: compare pair " + (pair + 1) + "/" + settings.pairs() + ", " + side.label()
                        + ": " + (fork.exit().succeeded() ? "ok" : fork.exit().describe()) + " in "
                        + fork.exit().elapsed().toMillis() / 1000.0 + " s");
                if (probe) {
                    missingInBase.addAll(fork.unmatched());
                    selected.removeAll(fork.unmatched());
                    if (selected.isEmpty()) {
                        stopped = "the base has none of them";
                        break pairs;
                    }
                }
                if (fork.exit().timedOut() || fork.results().values().stream()
                        .noneMatch(result -> result.status() == ResultStatus.COMPLETED)) {
                    stopped = "the " + side.label() + " fork of pair " + (pair + 1) + " " + fork.exit().describe()
                            + " and recorded no measurement (log: " + fork.exit().log() + ")";
                    break pairs;
                }
            }
        }
        return new Runs(forks, missingInBase, settings.pairs(), stopped);
    }
}
