package io.perfgate.core.jmh;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.jmh.JmhOutputMonitor.BenchmarkFailure;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static io.perfgate.core.jmh.WarmupRuns.SORT_SMOKE;
import static io.perfgate.core.jmh.WarmupRuns.WORD_COUNT_SMOKE;
import static io.perfgate.core.jmh.WarmupRuns.run;
import static io.perfgate.core.jmh.WarmupRuns.wordCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which benchmarks run again with a longer warmup, how often, and what is recorded when they stay unsteady. */
class WarmupRetriesTest {
    private static final JmhSettings SMOKE = JmhSettings.forProfile("smoke");
    private static final double[][] WORD_COUNT_STEADY = {{95.1, 93.2, 94.0}, {96.0, 94.5, 93.9}};
    private static final WarmupRetries.Policy TWO_RETRIES = WarmupRetries.Policy.of(2, Duration.ofSeconds(20),
            Duration.ofHours(1));

    private final List<String> log = new ArrayList<>();
    private final List<JmhCommand> commands = new ArrayList<>();
    private final List<JmhSettings> settings = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    /** A rerun that answers with what {@code answer} makes of the settings, and takes as long as JMH would. */
    private WarmupRetries.Rerun rerun(Function<JmhSettings, WarmupRetries.Attempt> answer) {
        return (command, next, number) -> {
            commands.add(command);
            settings.add(next);
            assertEquals(commands.size(), number, "retries are numbered from 1 across the run");
            clock.addAndGet(next.estimatedNanos());
            return answer.apply(next);
        };
    }

    private WarmupRetries.Outcome apply(WarmupRetries.Policy policy, WarmupRetries.Rerun rerun, JmhRun... first) {
        return WarmupRetries.apply(new WarmupRetries.Attempt(List.of(first), List.of()), SMOKE, policy, rerun,
                log::add, clock::get);
    }

    private static JmhRun sort() {
        return run("bench.SortBench.sort", "avgt", 2, Map.of("size", "5000"), SORT_SMOKE);
    }

    @Test
    void onlyTheWarmingBenchmarkRunsAgainAloneWithItsWarmupDoubledAndTheSteadyResultReplacesTheFirst() {
        JmhRun steady = wordCount("avgt", 4, WORD_COUNT_STEADY);
        WarmupRetries.Outcome outcome = apply(TWO_RETRIES, rerun(next -> new WarmupRetries.Attempt(List.of(steady),
                List.of())), wordCount("avgt", 2, WORD_COUNT_SMOKE), sort());

        assertEquals(1, outcome.retries());
        assertEquals(List.of("^\\Qbench.WordCountBench.count\\E$", "-p", "words=2000", "-bm", "avgt", "-l"),
                commands.get(0).listArguments());
        assertEquals(new JmhSettings(2, 4, "1s", 3, "500ms", null), settings.get(0));
        assertEquals(List.of(steady, sort()), outcome.runs(), "the retry's result in place of the first's");
        assertEquals(Map.of(), outcome.stillWarming());
        assertEquals("perfgate: bench.WordCountBench.count (avgt, words = 2000) was still warming up with warmup"
                + " 2 x 1s: measured iteration 1 of fork 2 scored 862 us/op against 154 us/op at worst after"
                + " it (5.60 times worse); 2 of 2 forks had an iteration more than 20 % worse than every later one;"
                + " running it again with warmup 4 x 1s (retry 1 of at most 2)", log.get(0));
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(1).matches("perfgate: bench\\.WordCountBench\\.count \\(avgt, words = 2000\\) was steady"
                + " with warmup 4 x 1s: 94\\.[45] us/op \\(this result replaces the first\\)"), log.get(1));
    }

    @Test
    void aBenchmarkThatNeverSettlesIsRetriedTwiceThenHasNoVerdictWithTheEvidence() {
        WarmupRetries.Outcome outcome = apply(TWO_RETRIES, rerun(next -> new WarmupRetries.Attempt(
                List.of(wordCount("avgt", next.warmupIterations(), WORD_COUNT_SMOKE)), List.of())),
                wordCount("avgt", 2, WORD_COUNT_SMOKE));

        assertEquals(List.of(4, 8), settings.stream().map(JmhSettings::warmupIterations).toList());
        assertEquals(2, outcome.retries());
        assertEquals(8, outcome.runs().get(0).warmupIterations(), "the last attempt's result is the one recorded");
        assertEquals(new WarmupRetries.StillWarming("it was still warming up with warmup 8 x 1s per fork, after 3"
                + " attempts, the warmup doubled each time (retries stop after 2): measured iteration 1 of fork 2"
                + " scored 862 us/op against 154 us/op at worst after it (5.60 times worse); 2 of 2 forks had an"
                + " iteration more than 20 % worse than every later one", null),
                outcome.stillWarming().get("jmh:bench.WordCountBench.count:avgt[words=2000]"),
                "no gc profiler: nothing said about the allocation");
    }

    @Test
    void retriesStopWhenTheNextWouldNotFitInTheirTimeBudget() {
        // smoke retries take about 2 x (4 + 1.5 + 1) = 13 s, then 2 x (8 + 1.5 + 1) = 21 s
        WarmupRetries.Policy thirtySeconds = new WarmupRetries.Policy(2, Duration.ofSeconds(30).toNanos(), null);
        WarmupRetries.Outcome outcome = apply(thirtySeconds, rerun(next -> new WarmupRetries.Attempt(
                List.of(wordCount("avgt", next.warmupIterations(), WORD_COUNT_SMOKE)), List.of())),
                wordCount("avgt", 2, WORD_COUNT_SMOKE));

        assertEquals(1, commands.size());
        String why = outcome.stillWarming().get("jmh:bench.WordCountBench.count:avgt[words=2000]").score();
        assertTrue(why.startsWith("it was still warming up with warmup 4 x 1s per fork, after 2 attempts, the warmup"
                + " doubled each time (another attempt with warmup 8 x 1s (about 21 s) would not fit in the 17 s"
                + " left for warmup retries): measured iteration 1"), why);
    }

    @Test
    void theBudgetIsAsLongAgainAsTheFirstRunAtLeastAMinuteWithinTheTimeout() {
        assertEquals(60e9, WarmupRetries.Policy.of(2, Duration.ofSeconds(20), Duration.ofHours(1)).budgetNanos());
        assertEquals(100e9, WarmupRetries.Policy.of(2, Duration.ofSeconds(100), Duration.ofHours(1)).budgetNanos());
        assertEquals(30e9, WarmupRetries.Policy.of(2, Duration.ofSeconds(100), Duration.ofSeconds(30)).budgetNanos());
    }

    @Test
    void aWarmupSetInThePomIsOnlyCheckedNeverRetried() {
        WarmupRetries.Outcome outcome = apply(WarmupRetries.Policy.checkOnly("the warmup was set in the plugin"
                + " configuration"), rerun(next -> {
                    throw new AssertionError("no retry with the user's warmup");
                }), wordCount("avgt", 2, WORD_COUNT_SMOKE), sort());

        assertEquals(0, outcome.retries());
        assertEquals(1, outcome.stillWarming().size(), "the sort is steady");
        String why = outcome.stillWarming().get("jmh:bench.WordCountBench.count:avgt[words=2000]").score();
        assertTrue(why.startsWith("it was still warming up with warmup 2 x 1s per fork, after 1 attempt (no retries:"
                + " the warmup was set in the plugin configuration): measured iteration 1 of fork 2 scored 862 us/op"),
                outcome.stillWarming().toString());
    }

    @Test
    void aRetryThatFailsRecordsTheFailureAndABenchmarkThatFailedIsNotRetried() {
        BenchmarkFailure threw = new BenchmarkFailure("bench.WordCountBench.count", BenchmarkMode.AVERAGE_TIME,
                "words = 2000", Map.of("words", "2000"), "java.lang.IllegalStateException: broken");
        WarmupRetries.Outcome outcome = apply(TWO_RETRIES, rerun(next -> new WarmupRetries.Attempt(List.of(),
                List.of(threw))), wordCount("avgt", 2, WORD_COUNT_SMOKE));

        assertEquals(1, commands.size());
        assertEquals(List.of(threw), outcome.failures());
        assertEquals(Map.of(), outcome.stillWarming(), "a failure, not an INCONCLUSIVE");

        commands.clear();
        WarmupRetries.Outcome failedFirst = WarmupRetries.apply(new WarmupRetries.Attempt(
                List.of(wordCount("avgt", 2, WORD_COUNT_SMOKE)), List.of(threw)), SMOKE, TWO_RETRIES,
                rerun(next -> null), log::add, clock::get);
        assertEquals(List.of(), commands);
        assertEquals(Map.of(), failedFirst.stillWarming());
    }

    @Test
    void theGatesOfABenchmarkStillWarmingUpAreInconclusiveWithTheEvidenceTheWarmupAndTheFix() {
        WarmupRetries.Outcome outcome = apply(TWO_RETRIES, rerun(next -> new WarmupRetries.Attempt(
                List.of(wordCount("avgt", next.warmupIterations(), WORD_COUNT_SMOKE)), List.of())),
                wordCount("avgt", 2, WORD_COUNT_SMOKE));
        // the smoke score is 369 us/op with a narrow error: 500 us passes it, 50 us fails it, if judged; but its
        // worst iteration (862 us) is beyond both, so a longer warmup could decide either way
        GateDeclaration generous = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method"
                + " WordCountBench#count", Map.of("mean", "500us"), null);
        GateDeclaration strict = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method"
                + " WordCountBench#count", Map.of("mean", "50us"), null);

        for (GateDeclaration gate : List.of(generous, strict)) {
            TestOutcome judged = judge(outcome, outcome.stillWarming(), gate);
            assertEquals(Verdict.INCONCLUSIVE, judged.verdict(), gate.toString());
            assertTrue(judged.blocks(), "a BLOCKING gate without a verdict holds the build");
            MetricOutcome mean = judged.gates().get(0).metrics().get(0);
            assertTrue(mean.message().startsWith("mean has no verdict against the threshold "), mean.message());
            assertTrue(mean.message().contains(": JMH measured the benchmark before it reached steady state; it was"
                    + " still warming up with warmup 8 x 1s per fork, after 3 attempts"), mean.message());
            assertTrue(mean.message().contains("measured iteration 1 of fork 2 scored 862 us/op against 154 us/op"
                    + " at worst"),
                    mean.message());
            assertTrue(mean.message().endsWith("; give it a longer warmup: set <warmupIterations> or <warmupTime>"
                    + " in the perfgate-maven-plugin's configuration (or -Dperfgate.jmh.warmupIterations=8), or use"
                    + " the standard profile (-Dperfgate.profile=standard); or set allowInconclusive = true"),
                    mean.message());
        }
        // the same scores, steady: the gates decide
        assertEquals(Verdict.PASS, judge(outcome, Map.of(), generous).verdict());
        // a bound beyond even the worst iteration passes, steady or not
        GateDeclaration beyondWorst = new GateDeclaration("LatencyGate", Level.BLOCKING, false, "method"
                + " WordCountBench#count", Map.of("mean", "1ms"), null);
        assertEquals(Verdict.PASS, judge(outcome, outcome.stillWarming(), beyondWorst).verdict());
        assertEquals(Verdict.FAIL, judge(outcome, Map.of(), strict).verdict());
    }

    private static TestOutcome judge(WarmupRetries.Outcome outcome,
                                     Map<String, WarmupRetries.StillWarming> stillWarming, GateDeclaration gate) {
        TestResult result = JmhResults.convert(outcome.runs(), outcome.failures(), List.of(),
                (benchmark, params) -> List.of(gate), stillWarming, "smoke", Instant.now()).get(0);
        assertEquals(stillWarming.isEmpty() ? null : stillWarming.values().iterator().next().score(),
                result.benchmark().stillWarming(), "recorded in the result for check");
        return new GateEvaluator(null).evaluate(result);
    }
}
