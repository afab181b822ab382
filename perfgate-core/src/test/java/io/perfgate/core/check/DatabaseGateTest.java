package io.perfgate.core.check;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.database.DatabaseRecorder;
import io.perfgate.core.database.OrderRepository;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.DatabaseMeasurement.StatementCount;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @DatabaseGate judged on real H2 recordings (an N+1 repository and its fix) and on crafted figures. */
class DatabaseGateTest {

    private static final int ORDERS = 40;

    private final DatabaseRecorder recorder = new DatabaseRecorder();
    private Connection keepAlive;
    private JdbcDataSource h2;
    private OrderRepository repository;

    @BeforeEach
    void createDatabase() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID());
        keepAlive = h2.getConnection();
        OrderRepository.createSchema(keepAlive, ORDERS, 3);
        repository = new OrderRepository(recorder.wrap(h2));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void anNPlusOneRepositoryFailsNamingTheRepeatedStatementAndItsCount() throws Exception {
        DatabaseMeasurement figures = measure(() -> repository.findAllOneByOne().size());

        GateOutcome gate = judge(figures, Map.of("maxStatementsPerInvocation", "5", "queryP95", "50ms"));

        assertEquals(Verdict.FAIL, gate.verdict());
        MetricOutcome statements = metric(gate, Metric.STATEMENTS_PER_INVOCATION);
        assertEquals(Verdict.FAIL, statements.verdict());
        assertEquals(ORDERS + 1.0, statements.value());
        assertEquals("statements per invocation = 41 exceeds the threshold 5;"
                        + " the worst invocation ran \"select sku from order_line where order_id = ?\" 40 times"
                        + " (mean 41 statements per invocation): an N+1 query; load those rows in one statement"
                        + " (a join, or WHERE ... IN (...)) (OrderRepositoryTest#findAll, 300 samples)",
                statements.message());
        assertEquals(Verdict.PASS, metric(gate, Metric.QUERY_P95).verdict());
    }

    @Test
    void theJoinedRepositoryPasses() throws Exception {
        DatabaseMeasurement figures = measure(() -> repository.findAllJoined().size());

        // what this test is about is the statement count; the time bounds leave room for a machine shared with other builds
        GateOutcome gate = judge(figures, Map.of("maxStatementsPerInvocation", "5", "queryP95", "5s",
                "poolEfficiency", "25%"));

        assertEquals(Verdict.PASS, gate.verdict(), gate.metrics().toString());
        assertEquals(1.0, metric(gate, Metric.STATEMENTS_PER_INVOCATION).value());
        assertTrue(metric(gate, Metric.QUERY_P95).message().startsWith("query p95 = "));
    }

    @Test
    void aPoolTooSmallForItsThreadsFailsPoolEfficiency() throws Exception {
        DatabaseMeasurement starved = measurePool(1);
        MetricOutcome pool = metric(judge(starved, Map.of("poolEfficiency", "75%")), Metric.POOL_EFFICIENCY);

        assertEquals(400, starved.connectionRequests());
        assertEquals(Verdict.FAIL, pool.verdict(), pool.message());
        assertTrue(pool.message().contains(" connection requests waited over 1 ms (p95 wait "), pool.message());
    }

    @Test
    void aPoolWithAConnectionPerThreadPasses() throws Exception {
        DatabaseMeasurement served = measurePool(4);
        MetricOutcome pool = metric(judge(served, Map.of("poolEfficiency", "75%")), Metric.POOL_EFFICIENCY);

        assertEquals(Verdict.PASS, pool.verdict(), pool.message());
    }

    /**
     * Four threads, 100 invocations each, holding a pooled connection for 2 ms per invocation and then
     * thinking for 1 ms without it (so a thread does not simply take back the connection it just returned).
     */
    private DatabaseMeasurement measurePool(int size) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("perfgate-test-" + size);
        try (HikariDataSource hikari = new HikariDataSource(config)) {
            DataSource pooled = recorder.wrap(hikari);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hikari.getHikariPoolMXBean().getTotalConnections() < size && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            recorder.start();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    running.add(threads.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            recorder.beginInvocation();
                            try (Connection connection = pooled.getConnection();
                                 Statement statement = connection.createStatement()) {
                                statement.executeQuery("select count(*) from orders").close();
                                Thread.sleep(2);
                            }
                            recorder.endInvocation();
                            Thread.sleep(1);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : running) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            return recorder.stop();
        }
    }

    @Test
    void aSlowPoolFailsWithTheWaitingRequests() {
        DatabaseMeasurement figures = crafted(histogram(1000, 200_000), 1000, 600, histogram(1000, 3_000_000),
                0, 0, 0, 1000);
        MetricOutcome pool = metric(judge(figures, Map.of("poolEfficiency", "95%")), Metric.POOL_EFFICIENCY);

        assertEquals(Verdict.FAIL, pool.verdict());
        assertTrue(pool.message().startsWith("pool efficiency = 60% is below the threshold 95%"), pool.message());
        assertTrue(pool.message().contains("400 of 1,000 connection requests waited over 1 ms (p95 wait 3 ms)"),
                pool.message());
    }

    @Test
    void aPoolEfficiencyOnTooFewRequestsIsInconclusive() {
        DatabaseMeasurement figures = crafted(histogram(50, 200_000), 50, 50, histogram(50, 100_000),
                0, 0, 0, 50);
        MetricOutcome pool = metric(judge(figures, Map.of("poolEfficiency", "95%")), Metric.POOL_EFFICIENCY);

        assertEquals(Verdict.INCONCLUSIVE, pool.verdict());
        assertTrue(pool.message().contains("rests on 50 connection requests; a bound of 95% needs at least 200"),
                pool.message());
    }

    @Test
    void deadlocksAboveTheirRateFailWithTheSqlState() {
        DatabaseMeasurement figures = crafted(histogram(2000, 200_000), 0, 0, null, 12, 1000, 1000, 2000);
        MetricOutcome rate = metric(judge(figures, Map.of("deadlockRate", "0.1%..0.5%")), Metric.DEADLOCK_RATE);

        assertEquals(Verdict.FAIL, rate.verdict());
        assertTrue(rate.message().startsWith("deadlock rate = 0.6% exceeds the threshold 0.5%"), rate.message());
        assertTrue(rate.message().contains("12 of 2,000 transactions failed with [40P01], first: 40P01: deadlock detected"),
                rate.message());
    }

    @Test
    void slowQueriesNameTheSlowestStatement() {
        DatabaseMeasurement figures = crafted(histogram(1000, 30_000_000), 0, 0, null, 0, 0, 0, 1000);
        MetricOutcome query = metric(judge(figures, Map.of("queryP95", "10ms")), Metric.QUERY_P95);

        assertEquals(Verdict.FAIL, query.verdict());
        assertTrue(query.message().startsWith("query p95 = 30 ms exceeds the threshold 10 ms"), query.message());
        assertTrue(query.message().contains("slowest statement: select * from big where x = ? (p95 30 ms"),
                query.message());
    }

    @Test
    void transactionsNeedExplicitCommits() {
        DatabaseMeasurement figures = crafted(histogram(1000, 200_000), 0, 0, null, 0, 0, 0, 1000);
        MetricOutcome transaction = metric(judge(figures, Map.of("transactionP95", "50ms")), Metric.TRANSACTION_P95);

        assertEquals(Verdict.FAIL, transaction.verdict());
        assertTrue(transaction.message().contains("no explicit transaction ended"), transaction.message());
    }

    @Test
    void aDataSourceThatWasNeverWrappedFailsSayingHowToWrapIt() {
        DatabaseMeasurement nothing = new DatabaseRecorder().stop();
        GateOutcome gate = judge(nothing, Map.of("queryP95", "10ms", "maxStatementsPerInvocation", "3"));

        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(metric(gate, Metric.QUERY_P95).message().contains("PerfDataSource.wrap(dataSource)"));
    }

    @Test
    void noDatabaseFiguresAtAllFail() {
        GateOutcome gate = judge(null, Map.of("queryP95", "10ms"));
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(metric(gate, Metric.QUERY_P95).message().contains("not measured"));
    }

    @Test
    void figuresSurviveTheResultFile(@TempDir Path results) throws Exception {
        DatabaseMeasurement figures = measure(() -> repository.findAllOneByOne().size());
        TestResult result = result(figures, Map.of("maxStatementsPerInvocation", "5"));

        TestResult read = ResultFiles.read(ResultFiles.write(results, result));

        assertEquals(result.measurement(), read.measurement());
        assertEquals(new GateEvaluator(null).evaluate(result).gates().get(0).metrics(),
                new GateEvaluator(null).evaluate(read).gates().get(0).metrics());
    }

    interface Invocation {
        int run() throws Exception;
    }

    /** 300 invocations, marked the way the measuring loop marks them. */
    private DatabaseMeasurement measure(Invocation invocation) throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals(ORDERS, invocation.run()); // warmup, not recorded
        }
        recorder.start();
        for (int i = 0; i < 300; i++) {
            recorder.beginInvocation();
            assertEquals(ORDERS, invocation.run());
            recorder.endInvocation();
        }
        return recorder.stop();
    }

    private static String histogram(int count, long nanos) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < count; i++) {
            histogram.record(nanos);
        }
        return histogram.encode();
    }

    private static DatabaseMeasurement crafted(String statements, long requests, long within, String waits,
                                               long deadlocks, long commits, long rollbacks, long count) {
        return new DatabaseMeasurement(count, 0, statements, commits, rollbacks,
                commits + rollbacks == 0 ? count : 0,
                commits + rollbacks == 0 ? null : histogram((int) (commits + rollbacks), 5_000_000),
                requests, within, waits, deadlocks,
                deadlocks == 0 ? Map.of() : Map.of("40P01", deadlocks),
                deadlocks == 0 ? null : "40P01: deadlock detected", 100, count, count / 100,
                List.of(new StatementCount("select * from big where x = ?", count / 100)),
                List.of(new DatabaseMeasurement.StatementSummary("select * from big where x = ?", count, 0,
                        count * 30_000_000L, 30_000_000, 30_000_000, 30_000_000)));
    }

    private static TestResult result(DatabaseMeasurement figures, Map<String, String> bounds) {
        GateDeclaration gate = new GateDeclaration("DatabaseGate", Level.BLOCKING, false,
                "method OrderRepositoryTest#findAll", bounds, null);
        Measurement measurement = new Measurement(300, 0, Map.of(), null, 1_000_000_000L, null, null, null,
                List.of(), figures);
        return TestResult.declared(ResultKind.JUNIT, "[method:findAll]", "com.example.OrderRepositoryTest", "findAll",
                "findAll()", List.of(gate), null).completed(measurement);
    }

    private static GateOutcome judge(DatabaseMeasurement figures, Map<String, String> bounds) {
        GateOutcome judged = new GateEvaluator(null).evaluate(result(figures, bounds)).gates().get(0);
        assertEquals("DatabaseGate", judged.declaration().gate());
        return judged;
    }

    private static MetricOutcome metric(GateOutcome gate, Metric metric) {
        MetricOutcome found = gate.metrics().stream().filter(m -> m.metric() == metric).findFirst().orElse(null);
        assertNotNull(found, metric + " in " + gate.metrics() + " / " + gate.problem());
        return found;
    }
}
