package io.perfgate.core.database;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * The one call that puts a database under perfgate's database gates:
 * {@code DataSource dataSource = PerfDataSource.wrap(realDataSource);} — give the wrapped DataSource
 * (a pool or a driver's own) to the code under test. While a {@code @DatabaseGate} test is measured
 * (warmup excluded) the wrapper records; at other times it only delegates.
 *
 * <p>What it records:
 * <ul>
 *   <li>every statement execution ({@code execute}, {@code executeQuery}, {@code executeUpdate},
 *       {@code executeLargeUpdate}, {@code executeBatch} on Statement, PreparedStatement and
 *       CallableStatement): the time of the call, under its SQL normalized by {@link SqlNormalizer};
 *       reading the result set afterwards is not included;</li>
 *   <li>every explicit transaction (auto-commit off), from its first statement to the end of
 *       {@code commit()} or {@code rollback()}; switching auto-commit back on commits. Transactions opened
 *       with SQL text ({@code BEGIN}) are not seen as such: their statements count as auto-commit ones;</li>
 *   <li>every {@code getConnection()}: its wait, and whether it was served within 1 ms (pool efficiency);</li>
 *   <li>every failure with SQLState class 40 (deadlock {@code 40P01}, serialization failure {@code 40001}),
 *       per transaction (explicit ones plus auto-commit statements);</li>
 *   <li>statements per invocation, on the thread that runs the invocation: work the test hands to other
 *       threads is timed but not counted against the invocation.</li>
 * </ul>
 * Only java.sql interfaces are proxied; reach driver-specific ones through {@code unwrap}. Result sets are
 * the driver's own, so {@code ResultSet.getStatement()} returns the unwrapped statement. One JVM-wide
 * recorder serves every wrapped DataSource, so database-gated tests must not run in parallel with each
 * other (nor may memory-gated ones).
 */
public final class PerfDataSource {

    private PerfDataSource() {
    }

    /** Wraps a DataSource (a pool or a driver's own) with the JVM-wide {@link DatabaseRecorder#shared()}. */
    public static DataSource wrap(DataSource dataSource) {
        return DatabaseRecorder.shared().wrap(dataSource);
    }

    /** Wraps a single connection, for code that gets its connections from DriverManager. */
    public static Connection wrap(Connection connection) {
        return DatabaseRecorder.shared().wrap(connection);
    }
}
