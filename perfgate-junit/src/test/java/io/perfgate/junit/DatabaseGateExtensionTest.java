package io.perfgate.junit;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.database.PerfDataSource;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.TestResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @DatabaseGate end to end on an embedded H2 database: an N+1 repository method fails, its fix passes. */
class DatabaseGateExtensionTest {

    private static final int ORDERS = 25;

    @Test
    void anNPlusOneRepositoryMethodFailsNamingTheStatementAndTheCount() {
        Throwable failure = SampleRuns.standalone().run(Orders.class, "loadsLinesOneOrderAtATime").failure();

        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().contains("@DatabaseGate: statements per invocation = 26 exceeds the threshold 3;"
                + " the worst invocation ran \"select sku from order_line where order_id = ?\" 25 times"
                + " (mean 26 statements per invocation): an N+1 query; load those rows in one statement"
                + " (a join, or WHERE ... IN (...)) (DatabaseGateExtensionTest$Orders#loadsLinesOneOrderAtATime, "),
                failure.getMessage());
    }

    @Test
    void theJoinedRepositoryMethodPasses() {
        SampleRuns.standalone().run(Orders.class, "loadsLinesWithAJoin").assertTests(1, 0, 0, 0);
    }

    @Test
    void figuresAreRecordedForCheckAndLeaveTheWarmupOut(@TempDir Path results) {
        SampleRuns.recording(results).run(Orders.class).assertTests(2, 0, 0, 0);

        TestResult nPlusOne = SampleRuns.resultsByMethod(results).get("loadsLinesOneOrderAtATime");
        DatabaseMeasurement figures = nPlusOne.measurement().database();
        assertNotNull(figures);
        // 300 measured invocations of 26 statements each; the 50 warmup invocations are not recorded
        assertEquals(300, figures.invocations());
        assertEquals(300 * 26, figures.statements());
        assertEquals(300, figures.connectionRequests());
        assertEquals(26, figures.maxStatementsPerInvocation());
        assertEquals(Verdict.FAIL, new GateEvaluator(null).evaluate(nPlusOne).verdict());

        TestResult joined = SampleRuns.resultsByMethod(results).get("loadsLinesWithAJoin");
        assertEquals(300, joined.measurement().database().statements());
        assertEquals(Verdict.PASS, new GateEvaluator(null).evaluate(joined).verdict());
    }

    @Test
    void aGatedTestThatNeverUsesAWrappedDataSourceFailsSayingHowToWrapIt() {
        Throwable failure = SampleRuns.standalone().run(Unwrapped.class).failure();
        assertTrue(failure.getMessage().contains("query p95 was declared but not measured: no statement went through"
                + " a wrapped DataSource; wrap the test's DataSource with PerfDataSource.wrap(dataSource)"),
                failure.getMessage());
    }

    @Sample
    @DatabaseGate(maxStatementsPerInvocation = "3", queryP95 = "250ms")
    @PerfTest(invocations = 300, warmupInvocations = 50)
    static class Orders {
        private static Connection keepAlive;
        private static DataSource dataSource;

        @BeforeAll
        static void createDatabase() throws SQLException {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID());
            keepAlive = h2.getConnection();
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("create table orders (id int primary key, customer varchar(40))");
                statement.execute("create table order_line (order_id int, sku varchar(20))");
                statement.execute("insert into orders select x, 'customer-' || x from system_range(1, " + ORDERS + ")");
                statement.execute("insert into order_line select o.id, 'SKU-' || o.id || '-' || l.x"
                        + " from orders o, system_range(1, 3) l");
            }
            dataSource = PerfDataSource.wrap(h2);
        }

        @AfterAll
        static void dropDatabase() throws SQLException {
            keepAlive.close();
        }

        @Test
        void loadsLinesOneOrderAtATime() throws SQLException {
            List<String> skus = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet orders = statement.executeQuery("select id from orders order by id");
                 PreparedStatement lines = connection.prepareStatement("select sku from order_line where order_id = ?")) {
                while (orders.next()) {
                    lines.setInt(1, orders.getInt(1));
                    try (ResultSet rows = lines.executeQuery()) {
                        while (rows.next()) {
                            skus.add(rows.getString(1));
                        }
                    }
                }
            }
            assertEquals(3 * ORDERS, skus.size());
        }

        @Test
        void loadsLinesWithAJoin() throws SQLException {
            List<String> skus = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select o.id, l.sku from orders o join order_line l on l.order_id = o.id order by o.id")) {
                while (rows.next()) {
                    skus.add(rows.getString(2));
                }
            }
            assertEquals(3 * ORDERS, skus.size());
        }
    }

    @Sample
    static class Unwrapped {
        @Test
        @DatabaseGate(queryP95 = "10ms")
        @PerfTest(invocations = 10)
        void neverTouchesTheDatabase() {
        }
    }
}
