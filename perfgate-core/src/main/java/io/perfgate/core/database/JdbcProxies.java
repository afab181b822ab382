package io.perfgate.core.database;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dynamic proxies behind {@link PerfDataSource}: DataSource, Connection and (Prepared, Callable)
 * Statement. Every other method passes straight through; {@code unwrap} reaches the driver's objects.
 */
final class JdbcProxies {

    private JdbcProxies() {
    }

    static DataSource dataSource(DataSource target, DatabaseRecorder recorder) {
        if (Proxy.isProxyClass(target.getClass()) && Proxy.getInvocationHandler(target) instanceof DataSourceHandler) {
            return target; // wrapping twice would count everything twice
        }
        return proxy(DataSource.class, new DataSourceHandler(target, recorder));
    }

    static Connection connection(Connection target, DatabaseRecorder recorder) {
        if (Proxy.isProxyClass(target.getClass()) && Proxy.getInvocationHandler(target) instanceof ConnectionHandler) {
            return target;
        }
        ConnectionHandler handler = new ConnectionHandler(target, recorder);
        handler.proxy = proxy(Connection.class, handler);
        return handler.proxy;
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Calls the target, rethrowing what it threw as itself. */
    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Handles the methods every wrapper shares: unwrap, isWrapperFor, equals, hashCode, toString. */
    private abstract static class Handler implements InvocationHandler {
        final Object target;

        Handler(Object target) {
            this.target = target;
        }

        Object common(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "unwrap" -> {
                    Class<?> type = (Class<?>) args[0];
                    if (type.isInstance(proxy)) {
                        return proxy; // unwrap(Connection.class) keeps recording
                    }
                    if (type.isInstance(target)) {
                        return target;
                    }
                    return call(target, method, args);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(target) || (Boolean) call(target, method, args);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "perfgate(" + target + ")";
                }
                default -> {
                    return call(target, method, args);
                }
            }
        }
    }

    private static final class DataSourceHandler extends Handler {
        private final DatabaseRecorder recorder;

        DataSourceHandler(DataSource target, DatabaseRecorder recorder) {
            super(target);
            this.recorder = recorder;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!method.getName().equals("getConnection")) {
                return common(proxy, method, args);
            }
            long start = System.nanoTime();
            Connection connection = (Connection) call(target, method, args);
            long waited = System.nanoTime() - start;
            ThreadRecording thread = recorder.current();
            if (thread != null) {
                thread.connection(waited);
            }
            return connection(connection, recorder);
        }
    }

    /** A connection and the transaction in progress on it. */
    static final class ConnectionHandler extends Handler {
        private final DatabaseRecorder recorder;
        private Connection proxy;
        /** Null until first needed, then tracked through setAutoCommit, so the driver is asked at most once. */
        private Boolean autoCommit;
        /** When the transaction in progress ran its first statement; 0 when none is in progress. */
        private long transactionStart;

        ConnectionHandler(Connection target, DatabaseRecorder recorder) {
            super(target);
            this.recorder = recorder;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "createStatement":
                    return statement(Statement.class, (Statement) call(target, method, args), null);
                case "prepareStatement":
                    return statement(PreparedStatement.class, (Statement) call(target, method, args),
                            SqlNormalizer.normalize((String) args[0]));
                case "prepareCall":
                    return statement(CallableStatement.class, (Statement) call(target, method, args),
                            SqlNormalizer.normalize((String) args[0]));
                case "commit":
                    return end(method, args, true);
                case "rollback":
                    if (args == null || args.length == 0) {
                        return end(method, args, false);
                    }
                    return call(target, method, args); // to a savepoint: the transaction goes on
                case "setAutoCommit": {
                    boolean on = (Boolean) args[0];
                    if (on && transactionStart != 0 && !autoCommit()) {
                        // switching auto-commit on commits the transaction in progress (JDBC 4.3, 10.1.1)
                        Object result = end(method, args, true);
                        autoCommit = true;
                        return result;
                    }
                    Object result = call(target, method, args);
                    autoCommit = on;
                    return result;
                }
                case "close":
                    transactionStart = 0;
                    return call(target, method, args);
                default:
                    return common(proxy, method, args);
            }
        }

        private Object statement(Class<? extends Statement> type, Statement statement, String sql) {
            return proxy(type, new StatementHandler(statement, this, sql));
        }

        boolean autoCommit() throws SQLException {
            if (autoCommit == null) {
                autoCommit = ((Connection) target).getAutoCommit();
            }
            return autoCommit;
        }

        /** Records one statement execution; called by the connection's statements. Never throws. */
        void executed(String sql, long start, long end, SQLException failure) {
            boolean inAutoCommit;
            try {
                inAutoCommit = autoCommit();
            } catch (SQLException e) {
                inAutoCommit = true; // a closed connection: the statement's own failure is what the caller sees
            }
            if (!inAutoCommit && transactionStart == 0) {
                transactionStart = start;
            }
            ThreadRecording thread = recorder.current();
            if (thread == null) {
                return;
            }
            thread.statement(sql, end - start, failure != null, inAutoCommit);
            deadlock(thread, failure);
        }

        private Object end(Method method, Object[] args, boolean commit) throws Throwable {
            long began = transactionStart;
            SQLException failure = null;
            try {
                return call(target, method, args);
            } catch (SQLException e) {
                failure = e;
                throw e;
            } finally {
                transactionStart = 0;
                ThreadRecording thread = recorder.current();
                if (thread != null) {
                    if (began != 0) {
                        // a commit that fails leaves the transaction rolled back
                        thread.transaction(System.nanoTime() - began, commit && failure == null);
                    }
                    deadlock(thread, failure);
                }
            }
        }

        private static void deadlock(ThreadRecording thread, SQLException failure) {
            if (failure != null) {
                SQLException deadlock = DatabaseRecorder.deadlockIn(failure);
                if (deadlock != null) {
                    thread.deadlock(deadlock);
                }
            }
        }

        Connection connectionProxy() {
            return proxy;
        }
    }

    private static final class StatementHandler extends Handler {
        private final ConnectionHandler connection;
        /** The prepared SQL, normalized; null for a plain Statement. */
        private final String preparedSql;
        /** SQL added to a plain Statement's batch, normalized, in order, without repeats. */
        private List<String> batch;

        StatementHandler(Statement target, ConnectionHandler connection, String preparedSql) {
            super(target);
            this.connection = connection;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate": {
                    String sql = args != null && args.length > 0 && args[0] instanceof String text
                            ? SqlNormalizer.normalize(text) : preparedSql;
                    return timed(method, args, sql);
                }
                case "executeBatch", "executeLargeBatch":
                    return timed(method, args, batchKey());
                case "addBatch":
                    if (args != null && args.length == 1 && args[0] instanceof String text) {
                        if (batch == null) {
                            batch = new ArrayList<>();
                        }
                        batch.add(SqlNormalizer.normalize(text));
                    }
                    return call(target, method, args);
                case "clearBatch":
                    batch = null;
                    return call(target, method, args);
                case "getConnection":
                    call(target, method, args); // keeps the driver's checks (a closed statement throws)
                    return connection.connectionProxy();
                default:
                    return common(proxy, method, args);
            }
        }

        private String batchKey() {
            if (batch == null || batch.isEmpty()) {
                return "batch: " + (preparedSql == null ? "(empty)" : preparedSql);
            }
            Set<String> distinct = new LinkedHashSet<>(batch);
            batch = null; // executeBatch empties the batch
            return "batch: " + String.join("; ", distinct);
        }

        private Object timed(Method method, Object[] args, String sql) throws Throwable {
            SQLException failure = null;
            long start = System.nanoTime();
            try {
                return call(target, method, args);
            } catch (SQLException e) {
                failure = e;
                throw e;
            } finally {
                connection.executed(sql, start, System.nanoTime(), failure);
            }
        }
    }
}
