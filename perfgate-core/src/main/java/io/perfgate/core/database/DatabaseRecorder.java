package io.perfgate.core.database;

import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;
import io.perfgate.core.result.DatabaseMeasurement.StatementCount;
import io.perfgate.core.result.DatabaseMeasurement.StatementSummary;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects what goes through the DataSources and connections it wrapped, between {@link #start()} and
 * {@link #stop()}; outside that window wrapped objects only delegate. Every thread records on its own
 * state, merged when the recording stops. The measuring loop marks invocations with
 * {@link #beginInvocation()} and {@link #endInvocation()} on the thread that runs them, which is how
 * statements per invocation are counted: statements a test hands to other threads are timed but not
 * counted against the invocation.
 *
 * <p>{@link #shared()} is the recorder {@link PerfDataSource#wrap(DataSource)} uses and the JUnit
 * extension drives; measured tests run one at a time, so one JVM-wide recorder suffices.
 */
public final class DatabaseRecorder {

    private static final DatabaseRecorder SHARED = new DatabaseRecorder();
    private static final int WORST_INVOCATION_LIMIT = 10;
    private static final int TOP_STATEMENTS_LIMIT = 20;

    private volatile Recording recording;

    /** The JVM-wide recorder behind {@link PerfDataSource}. */
    public static DatabaseRecorder shared() {
        return SHARED;
    }

    /** Wraps a DataSource so its connections, statements and transactions are recorded here. */
    public DataSource wrap(DataSource dataSource) {
        return JdbcProxies.dataSource(dataSource, this);
    }

    /** Wraps one connection (for code that gets connections from DriverManager). */
    public Connection wrap(Connection connection) {
        return JdbcProxies.connection(connection, this);
    }

    /** Starts a new recording, discarding anything recorded before. */
    public void start() {
        recording = new Recording();
    }

    /** Whether a recording is in progress. */
    public boolean isRecording() {
        return recording != null;
    }

    /** Ends the recording and returns what it saw; empty figures when none was in progress. */
    public DatabaseMeasurement stop() {
        Recording finished = recording;
        recording = null;
        return finished == null ? new Recording().snapshot() : finished.snapshot();
    }

    /** Marks the start of an invocation on the calling thread. */
    public void beginInvocation() {
        Recording current = recording;
        if (current != null) {
            current.local().beginInvocation();
        }
    }

    /** Marks the end of the calling thread's invocation. */
    public void endInvocation() {
        Recording current = recording;
        if (current != null) {
            current.local().endInvocation();
        }
    }

    /** The calling thread's state in the current recording, or null when none is in progress. */
    ThreadRecording current() {
        Recording current = recording;
        return current == null ? null : current.local();
    }

    /** A class-40 SQLState anywhere in the failure's chain: a deadlock or serialization failure. */
    static SQLException deadlockIn(SQLException failure) {
        int guard = 0;
        for (Throwable t = failure; t != null && guard < 32; guard++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("40")) {
                    return sql;
                }
                SQLException next = sql.getNextException();
                t = next != null && next != t ? next : t.getCause();
            } else {
                t = t.getCause();
            }
        }
        return null;
    }

    /** One start..stop window. */
    private static final class Recording {
        private final Queue<ThreadRecording> threads = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<ThreadRecording> perThread = ThreadLocal.withInitial(() -> {
            ThreadRecording state = new ThreadRecording();
            threads.add(state);
            return state;
        });

        ThreadRecording local() {
            return perThread.get();
        }

        DatabaseMeasurement snapshot() {
            LatencyHistogram statements = new LatencyHistogram();
            LatencyHistogram transactions = new LatencyHistogram();
            LatencyHistogram waits = new LatencyHistogram();
            Map<String, Merged> byStatement = new HashMap<>();
            Map<String, Long> deadlocksBySqlState = new TreeMap<>();
            long statementCount = 0, statementErrors = 0, commits = 0, rollbacks = 0, autoCommits = 0;
            long requests = 0, within = 0, deadlocks = 0, invocations = 0, inInvocations = 0, max = 0;
            String firstDeadlock = null;
            Map<String, Integer> worst = Map.of();
            long worstCount = -1;
            for (ThreadRecording thread : threads) {
                synchronized (thread) {
                    statements.add(thread.statementNanos);
                    transactions.add(thread.transactionNanos);
                    waits.add(thread.connectionWaitNanos);
                    statementCount += thread.statements;
                    statementErrors += thread.statementErrors;
                    commits += thread.commits;
                    rollbacks += thread.rollbacks;
                    autoCommits += thread.autoCommitStatements;
                    requests += thread.connectionRequests;
                    within += thread.connectionsWithin1ms;
                    deadlocks += thread.deadlocks;
                    thread.deadlocksBySqlState.forEach((state, n) -> deadlocksBySqlState.merge(state, n, Long::sum));
                    if (firstDeadlock == null) {
                        firstDeadlock = thread.firstDeadlock;
                    }
                    invocations += thread.invocations;
                    inInvocations += thread.statementsInInvocations;
                    if (thread.maxStatementsPerInvocation > worstCount) {
                        worstCount = thread.maxStatementsPerInvocation;
                        worst = thread.worstInvocation;
                    }
                    thread.byStatement.forEach((sql, stats) -> byStatement
                            .computeIfAbsent(sql, k -> new Merged()).add(stats));
                }
            }
            max = Math.max(0, worstCount);
            List<StatementCount> worstInvocation = worst.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(WORST_INVOCATION_LIMIT)
                    .map(entry -> new StatementCount(entry.getKey(), entry.getValue()))
                    .toList();
            List<StatementSummary> top = new ArrayList<>();
            byStatement.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, Merged> entry) -> entry.getValue().totalNanos)
                            .reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_STATEMENTS_LIMIT)
                    .forEach(entry -> top.add(entry.getValue().summary(entry.getKey())));
            return new DatabaseMeasurement(statementCount, statementErrors, statements.encode(), commits, rollbacks,
                    autoCommits, transactions.encode(), requests, within, waits.encode(), deadlocks,
                    deadlocksBySqlState, firstDeadlock, invocations, inInvocations, max, worstInvocation, top);
        }
    }

    private static final class Merged {
        final LatencyHistogram nanos = new LatencyHistogram();
        long count;
        long errors;
        long totalNanos;

        void add(ThreadRecording.StatementStats stats) {
            nanos.add(stats.nanos);
            count += stats.count;
            errors += stats.errors;
            totalNanos += stats.totalNanos;
        }

        StatementSummary summary(String sql) {
            return new StatementSummary(sql, count, errors, totalNanos, nanos.valueAtQuantile(0.5),
                    nanos.valueAtQuantile(0.95), nanos.max());
        }
    }
}
