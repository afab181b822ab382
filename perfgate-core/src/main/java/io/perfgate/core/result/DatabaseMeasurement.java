package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What went through wrapped DataSources during a measurement (warmup excluded). Histograms are encoded
 * HdrHistograms in nanoseconds, like {@link Measurement#latencyHistogram()}.
 *
 * @param statements                statement executions (an executeBatch counts once)
 * @param statementErrors           executions that threw
 * @param statementHistogram        time of each execution call; iterating a result set is not included
 * @param commits                   explicit transactions ended by commit
 * @param rollbacks                 explicit transactions ended by rollback (or by a failed commit)
 * @param autoCommitStatements      statements run in auto-commit mode: each is a transaction of its own
 * @param transactionHistogram      explicit transactions, from their first statement to the end of commit or rollback
 * @param connectionRequests        getConnection calls
 * @param connectionsWithin1ms      of those, the ones served within 1 ms
 * @param connectionWaitHistogram   time of each getConnection call
 * @param deadlocks                 calls that failed with SQLState class 40 (deadlock, serialization failure)
 * @param deadlocksBySqlState       the same by SQLState ({@code 40001}, {@code 40P01})
 * @param firstDeadlock             the first such failure's SQLState and the first line of its message
 * @param invocations               measured invocations whose statements were counted
 * @param statementsInInvocations   statements executed inside those invocations
 * @param maxStatementsPerInvocation the most statements one invocation executed
 * @param worstInvocation           that invocation's statements, most repeated first (at most ten)
 * @param topStatements             per normalized statement, most total time first (at most twenty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseMeasurement(
        long statements,
        long statementErrors,
        String statementHistogram,
        long commits,
        long rollbacks,
        long autoCommitStatements,
        String transactionHistogram,
        long connectionRequests,
        long connectionsWithin1ms,
        String connectionWaitHistogram,
        long deadlocks,
        Map<String, Long> deadlocksBySqlState,
        String firstDeadlock,
        long invocations,
        long statementsInInvocations,
        long maxStatementsPerInvocation,
        List<StatementCount> worstInvocation,
        List<StatementSummary> topStatements) {

    public DatabaseMeasurement {
        deadlocksBySqlState = deadlocksBySqlState == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(deadlocksBySqlState)); // sorted: stable reports
        worstInvocation = worstInvocation == null ? List.of() : List.copyOf(worstInvocation);
        topStatements = topStatements == null ? List.of() : List.copyOf(topStatements);
    }

    /** Explicit transactions plus auto-commit statements: the units of work a deadlock can abort. */
    public long transactions() {
        return commits + rollbacks + autoCommitStatements;
    }

    /** How often one normalized statement ran within one invocation. */
    public record StatementCount(String sql, long count) {
    }

    /**
     * One normalized statement's executions, for the report.
     *
     * @param sql        the statement with literals replaced by {@code ?} and whitespace collapsed
     * @param totalNanos time of all its executions together
     */
    public record StatementSummary(String sql, long count, long errors, long totalNanos, long p50Nanos,
                                   long p95Nanos, long maxNanos) {
    }
}
