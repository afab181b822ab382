package io.perfgate.bench;

import io.perfgate.core.database.DatabaseRecorder;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * What PerfDataSource costs per statement, on an in-memory H2 database (the fastest statements a
 * wrapper will ever see, so the overhead shows at its largest share). Each benchmark runs in three
 * modes: {@code raw} (H2 alone), {@code idle} (wrapped, no recording in progress: the cost outside
 * a @DatabaseGate test) and {@code recording} (wrapped, recording, invocation boundaries marked: the cost
 * inside one). The overhead per statement is the difference between a wrapped mode and {@code raw}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcWrapperBenchmark {

    @Param({"raw", "idle", "recording"})
    public String mode;

    private final DatabaseRecorder recorder = new DatabaseRecorder();
    private Connection keepAlive;
    private DataSource dataSource;
    private Connection connection;
    private PreparedStatement byId;
    private int id;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench" + System.nanoTime());
        keepAlive = h2.getConnection();
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("create table account (id int primary key, balance int not null)");
            statement.execute("insert into account select x, 100 from system_range(1, 1000)");
        }
        dataSource = mode.equals("raw") ? h2 : recorder.wrap(h2);
        if (mode.equals("recording")) {
            recorder.start();
        }
        connection = dataSource.getConnection();
        byId = connection.prepareStatement("select balance from account where id = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        recorder.stop();
        byId.close();
        connection.close();
        keepAlive.close();
    }

    /** One execution of a prepared query: the statement overhead alone. */
    @Benchmark
    public int executePrepared() throws SQLException {
        recorder.beginInvocation();
        byId.setInt(1, next());
        int balance;
        try (ResultSet rows = byId.executeQuery()) {
            rows.next();
            balance = rows.getInt(1);
        }
        recorder.endInvocation();
        return balance;
    }

    /** Prepare, execute, close: adds the statement proxy and the SQL normalization (cached). */
    @Benchmark
    public int prepareExecuteClose() throws SQLException {
        recorder.beginInvocation();
        int balance;
        try (PreparedStatement statement = connection.prepareStatement("select balance from account where id = ?")) {
            statement.setInt(1, next());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                balance = rows.getInt(1);
            }
        }
        recorder.endInvocation();
        return balance;
    }

    /** A transaction of one update: statement and transaction timing together. */
    @Benchmark
    public int updateAndCommit() throws SQLException {
        recorder.beginInvocation();
        connection.setAutoCommit(false);
        int updated;
        try (PreparedStatement update = connection.prepareStatement(
                "update account set balance = balance + 1 where id = ?")) {
            update.setInt(1, next());
            updated = update.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
        recorder.endInvocation();
        return updated;
    }

    private int next() {
        id = id % 1000 + 1;
        return id;
    }
}
