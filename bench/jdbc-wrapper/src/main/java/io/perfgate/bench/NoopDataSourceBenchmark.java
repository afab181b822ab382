package io.perfgate.bench;

import io.perfgate.core.database.DatabaseRecorder;
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
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The wrapper's own cost, isolated: the same three modes as {@link JdbcWrapperBenchmark}, around a
 * driver that does nothing (every call returns at once), so what remains is the proxies, the timing and
 * the recording. H2's own run-to-run spread (a microsecond on a busy machine) would hide that figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NoopDataSourceBenchmark {

    @Param({"raw", "idle", "recording"})
    public String mode;

    private final DatabaseRecorder recorder = new DatabaseRecorder();
    private PreparedStatement statement;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        DataSource noop = noop(DataSource.class);
        DataSource dataSource = mode.equals("raw") ? noop : recorder.wrap(noop);
        if (mode.equals("recording")) {
            recorder.start();
        }
        statement = dataSource.getConnection().prepareStatement("select balance from account where id = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recorder.stop();
    }

    /** One statement execution inside one marked invocation. */
    @Benchmark
    public int executeUpdate() throws SQLException {
        recorder.beginInvocation();
        int updated = statement.executeUpdate();
        recorder.endInvocation();
        return updated;
    }

    /** A driver object whose every method returns a default (and whose factories return more of them). */
    @SuppressWarnings("unchecked")
    static <T> T noop(Class<T> type) {
        return (T) Proxy.newProxyInstance(NoopDataSourceBenchmark.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Class<?> returns = method.getReturnType();
                    if (returns == Connection.class || returns == PreparedStatement.class) {
                        return noop(returns);
                    }
                    if (returns == boolean.class) {
                        return method.getName().equals("getAutoCommit");
                    }
                    if (returns == int.class) {
                        return 1;
                    }
                    if (returns == long.class) {
                        return 1L;
                    }
                    return null;
                });
    }
}
