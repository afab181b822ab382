package io.perfgate.core.database;

import io.perfgate.core.result.ResultKind;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.DatabaseMeasurement.StatementSummary;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The database gate against a real PostgreSQL behind a real pool (HikariCP): the specification's
 * concurrent reads, concurrent writes and 70/30 mixed workload, and a deadlock and a serialization
 * failure provoked on purpose. CI starts PostgreSQL with {@code .ci/postgres.sh} and passes its URL in
 * {@code PERFGATE_POSTGRES_URL} (or {@code -Dperfgate.postgres.url}); without one the test is skipped
 * locally and fails under CI, so it can never silently stop running there.
 *
 * <p>Bounds are written target..threshold: the specification's figure as the target (beyond it: WARN,
 * which this shared two-core machine may well reach) and a generous threshold that only a broken
 * wrapper or server would cross.
 */
class PostgresWorkloadTest {

    private static final int ACCOUNTS = 1000;
    private static final int POOL_SIZE = 16;
    private static final long CAP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static HikariDataSource pool;
    private static String skipReason;
    private final DatabaseRecorder recorder = new DatabaseRecorder();
    private DataSource database;

    /** Skips each test on its own, so the runner counts them as skipped and prints why. */
    @BeforeEach
    void wrapPool() {
        if (skipReason != null) {
            abort(skipReason);
        }
        database = recorder.wrap(pool);
    }

    @BeforeAll
    static void connect() throws Exception {
        String url = System.getProperty("perfgate.postgres.url", System.getenv("PERFGATE_POSTGRES_URL"));
        if (url == null || url.isBlank()) {
            String how = "no PostgreSQL URL: start one with `bash .ci/postgres.sh` and pass what it prints as"
                    + " PERFGATE_POSTGRES_URL or -Dperfgate.postgres.url";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must run the PostgreSQL integration test, but " + how + " (see .ci/run)");
            }
            skipReason = "PostgreSQL integration test skipped: " + how;
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setConnectionTimeout(30_000);
        config.setPoolName("perfgate-it");
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists perfgate_event");
            statement.execute("drop table if exists perfgate_account");
            statement.execute("create table perfgate_account (id int primary key, owner text not null,"
                    + " balance bigint not null)");
            statement.execute("create table perfgate_event (id bigserial primary key, account_id int not null,"
                    + " amount int not null, at timestamptz not null default now())");
            statement.execute("insert into perfgate_account select g, 'owner-' || g, 1000000"
                    + " from generate_series(1, " + ACCOUNTS + ") g");
            statement.execute("analyze perfgate_account");
        }
        // a pool still opening connections would make the first requests wait: let it fill first
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pool.getHikariPoolMXBean().getTotalConnections() < POOL_SIZE && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void disconnect() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void concurrentReads() throws Exception {
        DatabaseMeasurement figures = run(POOL_SIZE, 1000, 0, 1000, (random) -> read(random));

        assertEquals(1000, figures.invocations());
        assertEquals(1000, figures.statements());
        assertEquals(1000, figures.connectionRequests());
        assertEquals(1000, summary(figures, "select balance from perfgate_account where id = ?").count());
        GateOutcome gate = judge("concurrentReads", figures, Map.of("queryP95", "10ms..250ms",
                "poolEfficiency", "95%..50%", "maxStatementsPerInvocation", "1"));
        assertJudgedWithinThresholds(gate);
    }

    @Test
    void concurrentWrites() throws Exception {
        // 100 writers released together onto a pool of 16: the spec's 100 concurrent write operations, 10 each
        int writers = 100;
        DatabaseMeasurement figures = run(writers, writers * 10, 0, writers * 10, (random) -> transfer(random));

        assertEquals(1000, figures.commits() + figures.rollbacks() + figures.deadlocks());
        assertEquals(3000, figures.statements() - figures.statementErrors());
        GateOutcome gate = judge("concurrentWrites", figures, Map.of("transactionP95", "50ms..2s",
                "deadlockRate", "0.1%..1%", "maxStatementsPerInvocation", "3"));
        assertJudgedWithinThresholds(gate);
    }

    @Test
    void mixedWorkloadOfSeventyPercentReads() throws Exception {
        DatabaseMeasurement figures = run(POOL_SIZE, Long.MAX_VALUE, TimeUnit.SECONDS.toNanos(4), 4000, (random) -> {
            if (random.nextInt(100) < 70) {
                read(random);
            } else {
                transfer(random);
            }
        });

        long reads = summary(figures, "select balance from perfgate_account where id = ?").count();
        long writes = figures.commits() + figures.rollbacks();
        double readShare = (double) reads / (reads + writes);
        assertTrue(readShare > 0.65 && readShare < 0.75, "read share " + readShare);
        GateOutcome gate = judge("mixedWorkload", figures, Map.of("queryP95", "10ms..250ms",
                "transactionP95", "50ms..2s", "poolEfficiency", "95%..50%", "deadlockRate", "0.1%..1%",
                "maxStatementsPerInvocation", "3"));
        assertJudgedWithinThresholds(gate);
    }

    @Test
    void aProvokedDeadlockAndASerializationFailureAreCounted() throws Exception {
        recorder.start();
        CountDownLatch bothLocked = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> lockInOrder(1, 2, bothLocked));
            Future<String> second = threads.submit(() -> lockInOrder(2, 1, bothLocked));
            // PostgreSQL looks for deadlocks after deadlock_timeout (1 s by default)
            String outcomes = first.get(60, TimeUnit.SECONDS) + "/" + second.get(60, TimeUnit.SECONDS);
            assertTrue(outcomes.equals("committed/deadlock") || outcomes.equals("deadlock/committed"), outcomes);
        } finally {
            threads.shutdownNow();
        }
        provokeSerializationFailure();
        DatabaseMeasurement figures = recorder.stop();

        assertEquals(2, figures.deadlocks());
        assertEquals(Map.of("40001", 1L, "40P01", 1L), figures.deadlocksBySqlState());
        GateOutcome gate = judge("provokedDeadlock", figures, Map.of("deadlockRate", "0.1%"));
        MetricOutcome rate = gate.metrics().get(0);
        assertEquals(Verdict.FAIL, rate.verdict(), rate.message());
        assertTrue(rate.message().contains("failed with [40001, 40P01]"), rate.message());
    }

    // ---- the operations

    private void read(ThreadLocalRandom random) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select balance from perfgate_account where id = ?")) {
            select.setInt(1, 1 + random.nextInt(ACCOUNTS));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("account missing");
                }
            }
        }
    }

    /** Moves money between two accounts, locking the lower id first so ordinary load never deadlocks. */
    private void transfer(ThreadLocalRandom random) throws SQLException {
        int a = 1 + random.nextInt(ACCOUNTS);
        int b = 1 + (a + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update perfgate_account set balance = balance + ? where id = ?");
                 PreparedStatement event = connection.prepareStatement(
                         "insert into perfgate_event (account_id, amount) values (?, ?)")) {
                update.setInt(1, a < b ? -1 : 1);
                update.setInt(2, Math.min(a, b));
                update.executeUpdate();
                update.setInt(1, a < b ? 1 : -1);
                update.setInt(2, Math.max(a, b));
                update.executeUpdate();
                event.setInt(1, a);
                event.setInt(2, -1);
                event.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private String lockInOrder(int firstId, int secondId, CountDownLatch bothLocked) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update perfgate_account set balance = balance - 1 where id = ?")) {
                update.setInt(1, firstId);
                update.executeUpdate();
                bothLocked.countDown();
                assertTrue(bothLocked.await(30, TimeUnit.SECONDS));
                update.setInt(1, secondId);
                update.executeUpdate();
                connection.commit();
                return "committed";
            } catch (SQLException e) {
                connection.rollback();
                if (!"40P01".equals(e.getSQLState())) {
                    throw e;
                }
                return "deadlock";
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Two SERIALIZABLE transactions read and then update the same row: the second cannot serialize. */
    private void provokeSerializationFailure() throws SQLException {
        try (Connection first = database.getConnection(); Connection second = database.getConnection()) {
            for (Connection connection : List.of(first, second)) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("select balance from perfgate_account where id = 7").close();
                }
            }
            try (Statement statement = first.createStatement()) {
                statement.executeUpdate("update perfgate_account set balance = balance + 1 where id = 7");
            }
            first.commit();
            try (Statement statement = second.createStatement()) {
                SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> statement.executeUpdate("update perfgate_account set balance = balance + 1 where id = 7"));
                assertEquals("40001", failure.getSQLState(), failure.getMessage());
            }
            second.rollback();
            for (Connection connection : List.of(first, second)) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        }
    }

    // ---- the harness

    interface Operation {
        void run(ThreadLocalRandom random) throws Exception;
    }

    /**
     * Runs the operation on {@code threads} threads released together, each operation one invocation,
     * until {@code operations} have run, or at least {@code minNanos} have passed and {@code minOperations}
     * have run; never longer than the cap. A short warmup runs first, unrecorded.
     */
    private DatabaseMeasurement run(int threads, long operations, long minNanos, long minOperations,
                                    Operation operation) throws Exception {
        for (int i = 0; i < 50; i++) {
            operation.run(ThreadLocalRandom.current());
        }
        AtomicLong started = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        recorder.start();
        long begin = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(executor.submit(() -> {
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (true) {
                        long elapsed = System.nanoTime() - begin;
                        long n = started.get();
                        boolean enough = n >= operations || (elapsed >= minNanos && n >= minOperations);
                        if (enough || elapsed > CAP_NANOS || started.incrementAndGet() > operations) {
                            return null;
                        }
                        recorder.beginInvocation();
                        try {
                            operation.run(random);
                        } catch (SQLException e) {
                            failed.incrementAndGet();
                        } finally {
                            recorder.endInvocation();
                        }
                    }
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(2 * CAP_NANOS, TimeUnit.NANOSECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        DatabaseMeasurement figures = recorder.stop();
        long elapsed = System.nanoTime() - begin;
        System.out.printf(Locale.ROOT, "%s: %d invocations in %.2f s, %d statements (p95 %.2f ms), %d commits,"
                        + " %d rollbacks (p95 %.2f ms), %d/%d connections within 1 ms, %d deadlocks, %d failed%n",
                Thread.currentThread().getStackTrace()[2].getMethodName(), figures.invocations(), elapsed / 1e9,
                figures.statements(), p95(figures.statementHistogram()), figures.commits(), figures.rollbacks(),
                p95(figures.transactionHistogram()), figures.connectionsWithin1ms(), figures.connectionRequests(),
                figures.deadlocks(), failed.get());
        return figures;
    }

    private static double p95(String histogram) {
        return LatencyHistogram.decode(histogram).valueAtQuantile(0.95) / 1e6;
    }

    private static GateOutcome judge(String method, DatabaseMeasurement figures, Map<String, String> bounds) {
        GateDeclaration gate = new GateDeclaration("DatabaseGate", Level.BLOCKING, false,
                "method PostgresWorkloadTest#" + method, bounds, null);
        Measurement measurement = new Measurement(figures.invocations(), 0, Map.of(), null, 1, null, null, null,
                List.of(), figures);
        TestResult result = TestResult.declared(ResultKind.JUNIT, "[pg:" + method + "]", PostgresWorkloadTest.class.getName(),
                method, method, List.of(gate), null).completed(measurement);
        GateOutcome outcome = new GateEvaluator(null).evaluate(result).gates().get(0);
        outcome.metrics().forEach(metric -> System.out.println("  " + metric.verdict() + " " + metric.message()));
        return outcome;
    }

    /** Every declared metric measured, on enough data, and within its threshold (a WARN is this machine's business). */
    private static void assertJudgedWithinThresholds(GateOutcome gate) {
        assertTrue(gate.problem() == null, gate.problem());
        assertTrue(!gate.metrics().isEmpty());
        for (MetricOutcome metric : gate.metrics()) {
            assertNotEquals(Verdict.FAIL, metric.verdict(), metric.message());
            assertNotEquals(Verdict.INCONCLUSIVE, metric.verdict(), metric.message());
        }
        assertTrue(gate.metrics().stream().anyMatch(m -> m.metric() != Metric.STATEMENTS_PER_INVOCATION));
    }

    private static StatementSummary summary(DatabaseMeasurement figures, String sql) {
        return figures.topStatements().stream().filter(s -> s.sql().equals(sql)).findFirst()
                .orElseThrow(() -> new AssertionError(sql + " not among " + figures.topStatements()));
    }
}
