package io.perfgate.core.jmh;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.perfgate.core.jmh.WarmupRuns.SORT_SMOKE;
import static io.perfgate.core.jmh.WarmupRuns.SORT_SMOKE_2;
import static io.perfgate.core.jmh.WarmupRuns.WORD_COUNT_REFERENCE_1;
import static io.perfgate.core.jmh.WarmupRuns.WORD_COUNT_REFERENCE_2;
import static io.perfgate.core.jmh.WarmupRuns.WORD_COUNT_SMOKE;
import static io.perfgate.core.jmh.WarmupRuns.run;
import static io.perfgate.core.jmh.WarmupRuns.wordCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The steady-state rule on the iteration scores JMH measured for bench/jmh-warmup's benchmarks. */
class SteadyStateTest {

    @Test
    void wordCountUnderSmokeSettingsIsStillWarmingUpInBothForks() {
        SteadyState.WarmingUp warming = SteadyState.check(wordCount("avgt", 2, WORD_COUNT_SMOKE)).orElseThrow();

        // fork 2 is furthest off: 862.2 against at worst 154.0 later (fork 1: 847.6 against 167.4)
        assertEquals(2, warming.fork());
        assertEquals(1, warming.iteration());
        assertEquals(862.2066592082616, warming.score(), 1e-9);
        assertEquals(153.99787076923076, warming.laterWorst(), 1e-9);
        assertEquals(2, warming.forksWarming());
        assertEquals(2, warming.forksChecked());
        assertEquals("measured iteration 1 of fork 2 scored 862 us/op against 154 us/op at worst after it (5.60"
                + " times worse); 2 of 2 forks had an iteration more than 20 % worse than every later one",
                warming.evidence());
    }

    @Test
    void sortUnderSmokeSettingsAndTheWarmedReferenceAreSteady() {
        assertEquals(Optional.empty(), SteadyState.check(run("bench.SortBench.sort", "avgt", 2, Map.of(), SORT_SMOKE)));
        assertEquals(Optional.empty(), SteadyState.check(run("bench.SortBench.sort", "avgt", 2, Map.of(),
                SORT_SMOKE_2)), "a first iteration better than the later ones is no sign of warming up");
        assertEquals(Optional.empty(), SteadyState.check(wordCount("avgt", 5, WORD_COUNT_REFERENCE_2)));
    }

    @Test
    void evenFiveSecondsOfWarmupCanFallShort() {
        // reference-1: fork 1 started at 129.6 against 104.8 at worst later, fork 2 bounced to 247.6 against 98.3
        SteadyState.WarmingUp warming = SteadyState.check(wordCount("avgt", 5, WORD_COUNT_REFERENCE_1)).orElseThrow();

        assertEquals(2, warming.fork());
        assertEquals(2, warming.forksWarming());
        assertEquals(247.62779455445545 / 98.29331044981339, warming.times(), 1e-9);
    }

    @Test
    void oneBouncingForkOfTwoIsEnough() {
        double[][] oneBounced = {WORD_COUNT_REFERENCE_2[0], WORD_COUNT_REFERENCE_1[1]};
        SteadyState.WarmingUp warming = SteadyState.check(wordCount("avgt", 5, oneBounced)).orElseThrow();

        assertEquals(2, warming.fork());
        assertEquals(1, warming.forksWarming());
        assertEquals(2, warming.forksChecked());
    }

    @Test
    void aDeoptimisationBounceLaterInTheForkCountsTooButNotAFinalIteration() {
        // adaptive-2.json of bench/jmh-smoke-warmup.sh: fork 1 bounced in iteration 2, fork 2 in its last
        double[][] bounced = {{93.56187528005975, 383.7103981623277, 99.63171585025886},
                {98.58582541871921, 94.4757644402634, 195.60074155995343}};
        SteadyState.WarmingUp warming = SteadyState.check(wordCount("avgt", 2, bounced)).orElseThrow();

        assertEquals(1, warming.fork());
        assertEquals(2, warming.iteration());
        assertEquals(383.7103981623277 / 99.63171585025886, warming.times(), 1e-9);
        assertEquals(1, warming.forksWarming(), "the last iteration has nothing after it to be judged against");
    }

    @Test
    void withMoreForksItTakesHalfOfThemWarming() {
        double[] warming = {200, 100, 100};
        double[] steady = {100, 100, 100};
        assertTrue(SteadyState.check(wordCount("avgt", 3,
                new double[][] {warming, warming, steady, steady, steady})).isEmpty(), "2 of 5 forks");
        assertEquals(3, SteadyState.check(wordCount("avgt", 3,
                new double[][] {warming, warming, warming, steady, steady})).orElseThrow().forksWarming());
    }

    @Test
    void theBoundIsTwentyPercentWorseThanEveryLaterIteration() {
        assertTrue(SteadyState.check(wordCount("avgt", 2, new double[][] {{119, 100, 100, 90}})).isEmpty());
        assertTrue(SteadyState.check(wordCount("avgt", 2, new double[][] {{121, 100, 100, 90}})).isPresent());
    }

    @Test
    void noiseThatComesBackIsNotWarmingUp() {
        // it/src/it/jmh-inconclusive's NoisyBench: 9 ms and 1 ms per operation, every other iteration
        double[][] alternating = {{9.168, 1.139, 9.219}, {9.452, 1.252, 9.314}};
        assertTrue(SteadyState.check(wordCount("avgt", 2, alternating)).isEmpty(),
                "fork 2 starts 1.5 % above its slowest later iteration, far below the 20 %");
        assertTrue(SteadyState.check(wordCount("avgt", 2, new double[][] {{150, 100, 140, 145}})).isEmpty(),
                "1.5 times the middle iterations, but the last came back near it");
    }

    @Test
    void inThroughputModeLowerIsWorse() {
        double[][] rising = {{1.18, 5.97, 10.8}, {1.16, 6.5, 10.6}};
        SteadyState.WarmingUp warming = SteadyState.check(wordCount("thrpt", 2, rising)).orElseThrow();
        assertEquals(6.5 / 1.16, warming.times(), 1e-9);
        assertTrue(warming.evidence().startsWith("measured iteration 1 of fork 2 scored 1.16 ops/ms against 6.5"
                + " ops/ms at worst after it"), warming.evidence());

        // the time-per-operation shape of a warming benchmark is a throughput that falls: not warming up
        assertTrue(SteadyState.check(wordCount("thrpt", 2, WORD_COUNT_SMOKE)).isEmpty());
    }

    @Test
    void runsWithoutWarmupSingleShotsAndSingleIterationsAreNotChecked() {
        assertTrue(SteadyState.check(wordCount("avgt", 0, WORD_COUNT_SMOKE)).isEmpty(), "no warmup: on purpose");
        assertTrue(SteadyState.check(wordCount("ss", 2, WORD_COUNT_SMOKE)).isEmpty(), "single shots are cold calls");
        assertTrue(SteadyState.check(wordCount("avgt", 2, new double[][] {{847}, {862}})).isEmpty());
    }

    @Test
    void aSampleTimeRunIsJudgedOnEachIterationsMeanSample() {
        String json = "[{\"benchmark\" : \"a.B.c\", \"mode\" : \"sample\", \"forks\" : 1, \"warmupIterations\" : 2,"
                + " \"primaryMetric\" : {\"score\" : 1.0, \"scoreUnit\" : \"us/op\", \"rawDataHistogram\" : [["
                + "[[800.0, 1], [900.0, 1]], [[90.0, 5], [110.0, 5]], [[95.0, 2], [105.0, 2]]]]}}]";
        JmhRun run = JmhResultReader.parse(json, "sample.json").get(0);

        assertEquals(List.of(List.of(850.0, 100.0, 100.0)), SteadyState.iterationScores(run));
        assertEquals(8.5, SteadyState.check(run).orElseThrow().times(), 1e-9);
    }

    @Test
    void aSlowIterationThatWaitedForACpuIsABusyMachineNotWarmingUp() {
        // jmh-pass's LookupBench in CI under two busy loops: iteration 3 of 5 took 1.4 times as long as the others
        double[][] scores = {{100, 101, 140, 99, 100}};
        assertTrue(SteadyState.check(wordCount("avgt", 5, scores)).isPresent(), "without wait figures: warming");
        assertTrue(SteadyState.check(wordCount("avgt", scores, new double[][] {{0.01, 0.02, 0.30, 0.01, 0.02}}))
                .isEmpty(), "140 us/op of which 30% waiting is 98 us/op of running");
    }

    @Test
    void warmingUpStillShowsWithTheWaitTakenOutAndSaysSo() {
        SteadyState.WarmingUp warming = SteadyState.check(wordCount("avgt", new double[][] {{250, 100, 100, 100}},
                new double[][] {{0.2, 0.0, 0.0, 0.0}})).orElseThrow();
        assertEquals(200, warming.score(), 1e-9);
        assertEquals(2.0, warming.times(), 1e-9);
        assertEquals("measured iteration 1 of fork 1 scored 200 us/op against 100 us/op at worst after it (2.00 times"
                + " worse); 1 of 1 forks had an iteration more than 20 % worse than every later one (scores without"
                + " the time the benchmark threads waited for a CPU)", warming.evidence());
    }

    @Test
    void inThroughputModeTheWaitIsTakenOutByDividing() {
        // 6 ops/ms while waiting half the time is 12 ops/ms of running: no slower than the later iterations
        assertTrue(SteadyState.check(wordCount("thrpt", new double[][] {{10, 10, 6, 10, 10}},
                new double[][] {{0, 0, 0.5, 0, 0}})).isEmpty());
        assertTrue(SteadyState.check(wordCount("thrpt", new double[][] {{5, 10, 10, 10}},
                new double[][] {{0.1, 0, 0, 0}})).isPresent(), "5 ops/ms with 10% waiting is still 2 times slower");
    }

    @Test
    void anIterationThatMostlyWaitedIsNotJudgedAndAForkWithoutFiguresKeepsItsScores() {
        assertTrue(SteadyState.check(wordCount("avgt", new double[][] {{400, 100, 100}}, new double[][] {{0.8, 0, 0}}))
                .isEmpty(), "80% waiting: not judged");
        assertEquals(3, SteadyState.check(wordCount("avgt", new double[][] {{100, 900, 300, 100, 100}},
                new double[][] {{0, 0.8, 0, 0, 0}})).orElseThrow().iteration(), "numbered by its place in the fork");
        assertEquals(List.of(List.of(300.0, 100.0), List.of(Double.NaN, 100.0), List.of(250.0, 90.0)),
                SteadyState.withoutCpuWait(List.of(List.of(300.0, 100.0), List.of(400.0, 100.0), List.of(250.0, 90.0)),
                        List.of(List.of(0.0, 0.0), List.of(0.9, 0.0), List.of(0.1)), true));
    }
}
