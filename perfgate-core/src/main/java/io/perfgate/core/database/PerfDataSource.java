package io.perfgate.core.database;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * The one call that puts a database under perfgate's database gates:
 * {@code DataSource dataSource = PerfDataSource.wrap(realDataSource);}. The wrapper times every
 * statement (keyed by its normalized SQL), every transaction, and every wait for a connection, and
 * counts deadlocks and serialization failures, while a {@code @DatabaseGate} test is being measured;
 * at other times it only delegates. Only java.sql interfaces are proxied: reach driver-specific
 * interfaces through {@code unwrap}.
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
