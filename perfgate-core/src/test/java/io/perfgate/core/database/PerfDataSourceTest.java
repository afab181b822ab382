package io.perfgate.core.database;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.DatabaseMeasurement.StatementSummary;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wrapper against a real embedded H2 database. */
class PerfDataSourceTest {

    private final DatabaseRecorder recorder = new DatabaseRecorder();
    private JdbcDataSource h2;
    private DataSource dataSource;
    private Connection keepAlive;

    @BeforeEach
    void createDatabase() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000");
        keepAlive = h2.getConnection();
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("create table account (id int primary key, balance int not null)");
            statement.execute("insert into account values (1, 100), (2, 100)");
        }
        dataSource = recorder.wrap(h2);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void statementsAreTimedUnderTheirNormalizedSql() throws SQLException {
        recorder.start();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             PreparedStatement prepared = connection.prepareStatement("select balance from account where id = ?")) {
            statement.executeQuery("select balance from account where id = 1").close();
            statement.executeQuery("select balance from account where id = 2").close();
            for (int id = 1; id <= 2; id++) {
                prepared.setInt(1, id);
                try (ResultSet rows = prepared.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(100, rows.getInt(1));
                }
            }
            statement.executeUpdate("update account set balance = balance + 1 where id = 1");
        }
        DatabaseMeasurement figures = recorder.stop();

        assertEquals(5, figures.statements());
        assertEquals(5, figures.autoCommitStatements());
        assertEquals(5, LatencyHistogram.decode(figures.statementHistogram()).count());
        assertEquals(4, summary(figures, "select balance from account where id = ?").count());
        assertEquals(1, summary(figures, "update account set balance = balance + ? where id = ?").count());
        assertEquals(1, figures.connectionRequests());
        assertEquals(0, figures.commits() + figures.rollbacks());
    }

    @Test
    void explicitTransactionsAreTimedFromTheirFirstStatementToCommitOrRollback() throws SQLException {
        recorder.start();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            transfer(connection, 1, 2, 10);
            connection.commit();
            transfer(connection, 1, 2, 10);
            connection.rollback();
            transfer(connection, 2, 1, 5);
            connection.setAutoCommit(true); // commits, as JDBC says
            connection.commit(); // nothing in progress: not a transaction
        }
        DatabaseMeasurement figures = recorder.stop();

        assertEquals(2, figures.commits());
        assertEquals(1, figures.rollbacks());
        assertEquals(0, figures.autoCommitStatements());
        assertEquals(3, LatencyHistogram.decode(figures.transactionHistogram()).count());
        assertEquals(6, figures.statements());
        try (Connection check = h2.getConnection(); Statement statement = check.createStatement();
             ResultSet rows = statement.executeQuery("select balance from account order by id")) {
            rows.next();
            assertEquals(95, rows.getInt(1), "the rolled-back transfer must not count");
        }
    }

    @Test
    void batchesCountOnceUnderTheirStatements() throws SQLException {
        recorder.start();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into account values (?, ?)");
             Statement plain = connection.createStatement()) {
            for (int id = 10; id < 15; id++) {
                insert.setInt(1, id);
                insert.setInt(2, 0);
                insert.addBatch();
            }
            assertEquals(5, insert.executeBatch().length);
            plain.addBatch("update account set balance = 1 where id = 10");
            plain.addBatch("update account set balance = 2 where id = 11");
            plain.addBatch("delete from account where id = 14");
            assertEquals(3, plain.executeBatch().length);
        }
        DatabaseMeasurement figures = recorder.stop();

        assertEquals(2, figures.statements());
        assertEquals(1, summary(figures, "batch: insert into account values (?, ?)").count());
        assertEquals(1, summary(figures,
                "batch: update account set balance = ? where id = ?; delete from account where id = ?").count());
    }

    @Test
    void statementsPerInvocationNameTheWorstInvocationsStatements() throws SQLException {
        recorder.start();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement byId = connection.prepareStatement("select balance from account where id = ?")) {
            for (int invocation = 1; invocation <= 3; invocation++) {
                recorder.beginInvocation();
                for (int i = 0; i < invocation * 2; i++) {
                    byId.setInt(1, 1);
                    byId.executeQuery().close();
                }
                connection.createStatement().executeQuery("select count(*) from account").close();
                recorder.endInvocation();
            }
            byId.executeQuery().close(); // outside any invocation: timed, not counted
        }
        DatabaseMeasurement figures = recorder.stop();

        assertEquals(3, figures.invocations());
        assertEquals(2 + 4 + 6 + 3, figures.statementsInInvocations());
        assertEquals(7, figures.maxStatementsPerInvocation());
        assertEquals("select balance from account where id = ?", figures.worstInvocation().get(0).sql());
        assertEquals(6, figures.worstInvocation().get(0).count());
        assertEquals(1, figures.worstInvocation().get(1).count());
        assertEquals(16, figures.statements());
    }

    @Test
    void nothingIsRecordedOutsideARecording() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeQuery("select 1").close();
        }
        recorder.start();
        DatabaseMeasurement figures = recorder.stop();
        assertEquals(0, figures.statements());
        assertEquals(0, figures.connectionRequests());
        assertFalse(recorder.isRecording());
    }

    @Test
    void failuresPropagateUnchangedAndCountAsStatementErrors() throws SQLException {
        recorder.start();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException failure = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select * from no_such_table"));
            assertEquals("42S02", failure.getSQLState());
        }
        DatabaseMeasurement figures = recorder.stop();
        assertEquals(1, figures.statements());
        assertEquals(1, figures.statementErrors());
        assertEquals(0, figures.deadlocks());
    }

    @Test
    void driverObjectsStayReachable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertInstanceOf(JdbcConnection.class, connection.unwrap(JdbcConnection.class));
            assertSame(connection, connection.unwrap(Connection.class), "unwrapping to java.sql keeps recording");
            assertTrue(connection.isWrapperFor(JdbcConnection.class));
            assertSame(connection, statement.getConnection());
            assertSame(h2, dataSource.unwrap(JdbcDataSource.class));
            assertSame(dataSource, recorder.wrap(dataSource), "wrapping twice would count twice");
        }
    }

    @Test
    void deadlocksAreCountedBySqlState() throws Exception {
        recorder.start();
        CountDownLatch bothLocked = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> lockInOrder(1, 2, bothLocked));
            Future<String> second = threads.submit(() -> lockInOrder(2, 1, bothLocked));
            String a = first.get(30, TimeUnit.SECONDS);
            String b = second.get(30, TimeUnit.SECONDS);
            assertTrue(a.equals("deadlock") ^ b.equals("deadlock"), a + " / " + b);
        } finally {
            threads.shutdownNow();
        }
        DatabaseMeasurement figures = recorder.stop();

        assertEquals(1, figures.deadlocks());
        assertEquals(1L, figures.deadlocksBySqlState().get("40001"));
        assertTrue(figures.firstDeadlock().startsWith("40001: "), figures.firstDeadlock());
        assertEquals(1, figures.commits());
        assertEquals(1, figures.rollbacks());
    }

    /** Updates one row, waits until the other thread holds its row, then updates the other row. */
    private String lockInOrder(int firstId, int secondId, CountDownLatch bothLocked) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update account set balance = balance - 1 where id = ?")) {
                update.setInt(1, firstId);
                update.executeUpdate();
                bothLocked.countDown();
                assertTrue(bothLocked.await(10, TimeUnit.SECONDS));
                update.setInt(1, secondId);
                update.executeUpdate();
                connection.commit();
                return "committed";
            } catch (SQLException e) {
                connection.rollback();
                if (DatabaseRecorder.deadlockIn(e) == null) {
                    throw e;
                }
                return "deadlock";
            }
        }
    }

    private static void transfer(Connection connection, int from, int to, int amount) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update account set balance = balance + ? where id = ?")) {
            update.setInt(1, -amount);
            update.setInt(2, from);
            update.executeUpdate();
            update.setInt(1, amount);
            update.setInt(2, to);
            update.executeUpdate();
        }
    }

    private static StatementSummary summary(DatabaseMeasurement figures, String sql) {
        return figures.topStatements().stream().filter(s -> s.sql().equals(sql)).findFirst()
                .orElseThrow(() -> new AssertionError(sql + " not among " + figures.topStatements()));
    }
}
