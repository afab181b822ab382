package io.perfgate.core.recommend;

import io.perfgate.core.TestData;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.profile.ProfileSummary;
import io.perfgate.core.report.ReportWriters;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.DatabaseMeasurement.StatementCount;
import io.perfgate.core.result.HeapSample;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.perfgate.core.TestData.gate;
import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommenderTest {
    private static final long TEN_SECONDS = 10_000_000_000L;

    private static Measurement plain() {
        return TestData.measurement(TestData.repeat(new LatencyHistogram(), ms(10), 1000), 0, null, TEN_SECONDS);
    }

    private static Measurement withDatabase(Measurement m, DatabaseMeasurement database) {
        return new Measurement(m.invocations(), m.errors(), m.errorsByKind(), m.firstError(), m.durationNanos(),
                m.latencyHistogram(), m.memory(), m.behindSchedule(), m.rounds(), database);
    }

    /** 300 invocations; the worst one ran {@code repeats} times one statement; {@code fastConnections} of 300 within 1 ms. */
    private static DatabaseMeasurement database(long repeats, long fastConnections) {
        String none = new LatencyHistogram().encode();
        return new DatabaseMeasurement(300 * (repeats + 1), 0, none, 0, 0, 300 * (repeats + 1), none, 300,
                fastConnections, none, 0, Map.of(), null, 300, 300 * (repeats + 1), repeats + 1,
                List.of(new StatementCount("select sku from order_line where order_id = ?", repeats),
                        new StatementCount("select id from orders", 1)), List.of());
    }

    /** Heap after GC over 100 samples a second apart, growing by {@code bytesPerSample} each. */
    private static HeapTrend heap(long bytesPerSample) {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(new HeapSample(i * 100L, i * 1_000_000_000L, 50_000_000 + i * bytesPerSample + (i % 3) * 1000));
        }
        return new HeapTrend(samples, null);
    }

    private static TestResult test(String method, Measurement measurement) {
        return TestData.completed("ShopTest", method, method + "()", measurement, gate("LatencyGate", "p95", "1s"));
    }

    private static List<Recommendation> recommend(TestResult... results) {
        return Recommender.defaults().recommend(CheckReport.of("shop", null, List.of(results)));
    }

    private static Map<String, Recommendation> byRule(List<Recommendation> recommendations) {
        return recommendations.stream().collect(Collectors.toMap(Recommendation::rule, r -> r));
    }

    @Test
    void aCleanTestProducesNone() {
        Measurement clean = TestData.withMemory(withDatabase(plain(), database(1, 300)),
                new MemoryMeasurement(40L << 20, 512.0, ms(3), ms(50), 4L, heap(0)));
        assertEquals(List.of(), recommend(test("clean", clean)));
        assertEquals(List.of(), recommend(test("plain", plain())), "no database or memory figures: no evidence");
    }

    @Test
    void nPlusOneFiresOnAStatementRepeatedWithinOneInvocationNamingIt() {
        Recommendation r = recommend(test("listOrders", withDatabase(plain(), database(40, 300)))).get(0);
        assertEquals("n-plus-one", r.rule());
        assertEquals("ShopTest#listOrders", r.test());
        assertEquals(new Evidence("repeats of one statement in one invocation", "40", "4",
                "select sku from order_line where order_id = ?; the worst invocation ran 41 statements"), r.evidence());
        assertEquals(1, r.rank());
        assertEquals(List.of(), recommend(test("four", withDatabase(plain(), database(4, 300)))), "4 repeats is no N+1");
    }

    @Test
    void gcShareFiresAboveFivePercentOfTheRun() {
        Measurement churn = TestData.withMemory(plain(), new MemoryMeasurement(40L << 20, 2_000_000.0, ms(80),
                ms(2300), 120L));
        Recommendation r = recommend(test("churn", churn)).get(0);
        assertEquals("gc-share", r.rule());
        assertEquals("GC time share", r.evidence().figure());
        assertEquals("23%", r.evidence().value());
        assertEquals("5%", r.evidence().threshold());
        assertTrue(r.evidence().detail().startsWith("2.3 s of GC in 120 collections, longest pause 80 ms in a 10 s run"),
                r.evidence().detail());
        Measurement calm = TestData.withMemory(plain(), new MemoryMeasurement(40L << 20, 2_000_000.0, ms(80), ms(400),
                12L));
        assertEquals(List.of(), recommend(test("calm", calm)), "4% of the run");
    }

    @Test
    void leakSlopeFiresWhenTheIntervalIsAboveTenMegabytesAnHour() {
        // 10 KB a second = 35 MB an hour
        Measurement leaking = TestData.withMemory(plain(), new MemoryMeasurement(40L << 20, 512.0, null, null, null,
                heap(10_240)));
        Recommendation r = recommend(test("leaks", leaking)).get(0);
        assertEquals("leak-slope", r.rule());
        assertEquals("leak slope", r.evidence().figure());
        assertEquals("10 MB/h", r.evidence().threshold());
        assertTrue(r.evidence().detail().contains("over 100 heap samples"), r.evidence().detail());
        // 1 KB a second = 3.5 MB an hour: growing, but within the threshold
        Measurement slow = TestData.withMemory(plain(), new MemoryMeasurement(40L << 20, 512.0, null, null, null,
                heap(1024)));
        assertEquals(List.of(), recommend(test("slow", slow)));
    }

    @Test
    void poolWaitFiresWhenMoreThanAFifthOfConnectionRequestsWait() {
        Recommendation r = recommend(test("pool", withDatabase(plain(), database(1, 150)))).get(0);
        assertEquals("pool-wait", r.rule());
        assertEquals(new Evidence("getConnection calls waiting over 1 ms", "50%", "20%", "150 of 300 calls"),
                r.evidence());
        assertEquals(List.of(), recommend(test("fine", withDatabase(plain(), database(1, 250)))), "17% waited");
    }

    private static Measurement profiled(List<ProfileSummary.AllocationSite> allocations,
                                        List<ProfileSummary.ContendedMonitor> contention) {
        return plain().withProfile(new ProfileSummary(TEN_SECONDS, 5, 2000, List.of("shop.Cart.add"), List.of(),
                allocations, contention, 0, 0, null));
    }

    @Test
    void allocationHotSpotFiresOnOneSiteBehindMostBytesAndEnoughOfThemPerInvocation() {
        // 1,000 invocations: 200 MB at one site is 200 KB each, 80% of what was sampled
        Measurement loop = profiled(List.of(new ProfileSummary.AllocationSite("shop.Cart.total", "java.lang.Long", 200_000_000),
                new ProfileSummary.AllocationSite("shop.Cart.add", "byte[]", 50_000_000)), List.of());
        Recommendation r = recommend(test("total", loop)).get(0);
        assertEquals("allocation-hot-spot", r.rule());
        assertEquals("One allocation site dominates: shop.Cart.total", r.title());
        assertEquals("bytes allocated per invocation at shop.Cart.total", r.evidence().figure());
        assertEquals("64 KB", r.evidence().threshold());
        assertTrue(r.evidence().detail().startsWith("java.lang.Long objects, 80% of the sampled"), r.evidence().detail());

        Measurement spread = profiled(List.of(new ProfileSummary.AllocationSite("shop.A.a", "byte[]", 100_000_000),
                new ProfileSummary.AllocationSite("shop.B.b", "byte[]", 100_000_000)), List.of());
        assertEquals(List.of(), recommend(test("spread", spread)), "no site has most of the bytes");
        Measurement small = profiled(List.of(new ProfileSummary.AllocationSite("shop.A.a", "byte[]", 10_000_000)), List.of());
        assertEquals(List.of(), recommend(test("small", small)), "10 KB an invocation");
    }

    @Test
    void lockContentionFiresWhenTheMeasuringThreadsWaitOnOneLockForATenthOfTheirTime() {
        Measurement contended = profiled(List.of(), List.of(new ProfileSummary.ContendedMonitor("monitor",
                "shop.Inventory", "shop.Inventory.reserve", 4_000, 3_000_000_000L)));
        Recommendation r = recommend(test("reserve", contended)).get(0);
        assertEquals("lock-contention", r.rule());
        assertEquals(new Evidence("time waiting on monitor shop.Inventory", "30%", "10%",
                "3 s of waits in 4,000 events at shop.Inventory.reserve, over 1 thread measured for 10 s (JFR)"),
                r.evidence());
        Measurement calm = profiled(List.of(), List.of(new ProfileSummary.ContendedMonitor("park",
                "java.util.concurrent.locks.ReentrantLock$NonfairSync", "shop.Inventory.reserve", 40, 300_000_000L)));
        assertEquals(List.of(), recommend(test("calm", calm)), "3% of the time");
    }

    @Test
    void rankedViolatingTestsFirstThenByHowFarBeyondTheThreshold() {
        TestResult failing = TestData.completed("ShopTest", "failing", "failing()",
                withDatabase(plain(), database(6, 300)), gate("LatencyGate", "p95", "1ms"));
        TestResult worst = test("worst", withDatabase(plain(), database(80, 300)));
        TestResult mild = test("mild", withDatabase(plain(), database(10, 300)));
        List<Recommendation> ranked = recommend(mild, worst, failing);
        assertEquals(List.of("ShopTest#failing", "ShopTest#worst", "ShopTest#mild"),
                ranked.stream().map(Recommendation::test).toList());
        assertEquals(List.of(1, 2, 3), ranked.stream().map(Recommendation::rank).toList());
        assertTrue(ranked.get(0).violated());
        assertFalse(ranked.get(1).violated());
    }

    @Test
    void theReportsShowTheRecommendationsWithTheirEvidence() {
        CheckReport report = CheckReport.of("shop", null, List.of(test("listOrders",
                withDatabase(plain(), database(40, 300)))));
        report = report.withRecommendations(Recommender.defaults().recommend(report));
        CheckReport finalReport = report;
        Map<String, String> files = ReportWriters.all().stream()
                .collect(Collectors.toMap(w -> w.fileName(), w -> w.render(finalReport)));
        String evidence = "repeats of one statement in one invocation 40 is beyond 4 (select sku from order_line where"
                + " order_id = ?; the worst invocation ran 41 statements)";
        assertTrue(files.get("index.html").contains("<h2 id=\"recommendations\">Recommendations</h2>"));
        assertTrue(files.get("index.html").contains(evidence), files.get("index.html"));
        assertTrue(files.get("summary.md").contains("### Recommendations"));
        assertTrue(files.get("summary.md").contains("| 1 | ShopTest#listOrders | N+1 statements"), files.get("summary.md"));
        String json = files.get("recommendations.json");
        assertTrue(json.contains("\"rule\" : \"n-plus-one\""), json);
        assertTrue(json.contains("\"value\" : \"40\""), json);
        assertTrue(json.contains("\"threshold\" : \"4\""), json);
        assertTrue(json.contains("\"test\" : \"ShopTest#listOrders\""), json);

        CheckReport clean = CheckReport.of("shop", null, List.of(test("plain", plain())));
        clean = clean.withRecommendations(Recommender.defaults().recommend(clean));
        assertTrue(new io.perfgate.core.report.RecommendationsJsonWriter().render(clean)
                .contains("\"recommendations\" : [ ]"));
        assertFalse(ReportWriters.all().get(0).render(clean).contains("Recommendations</h2>"));
    }
}
