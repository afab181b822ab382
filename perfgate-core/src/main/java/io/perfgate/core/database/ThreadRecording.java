package io.perfgate.core.database;

import io.perfgate.core.latency.LatencyHistogram;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one thread recorded. Each thread writes its own (no contention on the hot path); the lock only
 * guards against a snapshot taken while a late statement is still being recorded.
 */
final class ThreadRecording {

    /** Distinct statements tracked one by one; the rest are lumped together, so memory stays bounded. */
    static final int MAX_DISTINCT_STATEMENTS = 200;
    static final String OTHER_STATEMENTS = "(other statements)";
    static final long WITHIN_NANOS = 1_000_000;

    final LatencyHistogram statementNanos = new LatencyHistogram();
    final LatencyHistogram transactionNanos = new LatencyHistogram();
    final LatencyHistogram connectionWaitNanos = new LatencyHistogram();
    final Map<String, StatementStats> byStatement = new HashMap<>();
    final Map<String, Long> deadlocksBySqlState = new TreeMap<>();
    long statements;
    long statementErrors;
    long commits;
    long rollbacks;
    long autoCommitStatements;
    long connectionRequests;
    long connectionsWithin1ms;
    long deadlocks;
    String firstDeadlock;

    // the invocation in progress on this thread; counters are reused across invocations (an invocation
    // number marks which are current), so counting allocates nothing once a statement has been seen
    private boolean inInvocation;
    private long invocationNumber;
    private int invocationTotal;
    private final Map<String, InvocationCount> invocationCounts = new HashMap<>();
    long invocations;
    long statementsInInvocations;
    long maxStatementsPerInvocation = -1;
    Map<String, Integer> worstInvocation = Map.of();

    synchronized void statement(String sql, long nanos, boolean failed, boolean autoCommit) {
        statements++;
        statementNanos.record(nanos);
        if (failed) {
            statementErrors++;
        }
        if (autoCommit) {
            autoCommitStatements++;
        }
        StatementStats stats = byStatement.get(sql);
        if (stats == null) {
            String key = byStatement.size() < MAX_DISTINCT_STATEMENTS ? sql : OTHER_STATEMENTS;
            stats = byStatement.computeIfAbsent(key, k -> new StatementStats());
        }
        stats.record(nanos, failed);
        if (inInvocation) {
            invocationTotal++;
            InvocationCount counter = invocationCounts.get(sql);
            if (counter == null) {
                String key = invocationCounts.size() < MAX_DISTINCT_STATEMENTS ? sql : OTHER_STATEMENTS;
                counter = invocationCounts.computeIfAbsent(key, k -> new InvocationCount());
            }
            if (counter.invocation != invocationNumber) {
                counter.invocation = invocationNumber;
                counter.count = 0;
            }
            counter.count++;
        }
    }

    synchronized void transaction(long nanos, boolean committed) {
        transactionNanos.record(nanos);
        if (committed) {
            commits++;
        } else {
            rollbacks++;
        }
    }

    synchronized void connection(long waitNanos) {
        connectionRequests++;
        connectionWaitNanos.record(waitNanos);
        if (waitNanos <= WITHIN_NANOS) {
            connectionsWithin1ms++;
        }
    }

    synchronized void deadlock(SQLException failure) {
        deadlocks++;
        deadlocksBySqlState.merge(failure.getSQLState(), 1L, Long::sum);
        if (firstDeadlock == null) {
            String message = String.valueOf(failure.getMessage()).strip();
            int newline = message.indexOf('\n');
            // drivers add detail lines (PostgreSQL: the processes and locks); the first line names the failure
            firstDeadlock = failure.getSQLState() + ": " + (newline < 0 ? message : message.substring(0, newline).strip());
        }
    }

    synchronized void beginInvocation() {
        inInvocation = true;
        invocationNumber++;
        invocationTotal = 0;
    }

    synchronized void endInvocation() {
        if (!inInvocation) {
            return;
        }
        inInvocation = false;
        invocations++;
        statementsInInvocations += invocationTotal;
        if (invocationTotal > maxStatementsPerInvocation) {
            maxStatementsPerInvocation = invocationTotal;
            Map<String, Integer> copy = new HashMap<>();
            invocationCounts.forEach((sql, counter) -> {
                if (counter.invocation == invocationNumber) {
                    copy.put(sql, counter.count);
                }
            });
            worstInvocation = copy;
        }
    }

    /** How often a statement ran in the invocation numbered {@code invocation}. */
    private static final class InvocationCount {
        long invocation;
        int count;
    }

    /** One normalized statement's executions on this thread. */
    static final class StatementStats {
        final LatencyHistogram nanos = new LatencyHistogram();
        long count;
        long errors;
        long totalNanos;

        void record(long elapsed, boolean failed) {
            count++;
            totalNanos += elapsed;
            nanos.record(elapsed);
            if (failed) {
                errors++;
            }
        }
    }
}
