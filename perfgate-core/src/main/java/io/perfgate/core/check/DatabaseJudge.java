package io.perfgate.core.check;

import io.perfgate.core.gate.Bound;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.SampleRule;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;

/** Query and transaction percentiles, pool efficiency, deadlock rate and statements per invocation. */
final class DatabaseJudge implements GateJudge {

    private static final String NO_STATEMENTS = "no statement went through a wrapped DataSource; wrap the test's"
            + " DataSource with PerfDataSource.wrap(dataSource) before the code under test gets it";

    @Override
    public MetricOutcome judge(Subject subject, Metric metric, Bound bound) {
        DatabaseMeasurement database = subject.measurement().database();
        if (database == null) {
            return Wording.notMeasured(subject, metric, bound, 0, "no database figures were recorded");
        }
        return switch (metric) {
            case QUERY_P95 -> database.statements() == 0
                    ? Wording.notMeasured(subject, metric, bound, 0, NO_STATEMENTS)
                    : LatencyJudge.percentile(subject, metric, bound,
                    subject.histogram(database.statementHistogram(), "statement"), database.statements(),
                    "statements", slowestStatement(database));
            case TRANSACTION_P95 -> transactionP95(subject, metric, bound, database);
            case POOL_EFFICIENCY -> poolEfficiency(subject, metric, bound, database);
            case DEADLOCK_RATE -> deadlockRate(subject, metric, bound, database);
            case STATEMENTS_PER_INVOCATION -> statementsPerInvocation(subject, metric, bound, database);
            default -> throw new IllegalArgumentException(metric + " is not a database metric");
        };
    }

    private static MetricOutcome transactionP95(Subject subject, Metric metric, Bound bound,
                                                DatabaseMeasurement database) {
        long transactions = database.commits() + database.rollbacks();
        if (transactions == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, database.statements() == 0 ? NO_STATEMENTS
                    : "no explicit transaction ended (commit or rollback on a connection with auto-commit"
                    + " off) through a wrapped DataSource");
        }
        return LatencyJudge.percentile(subject, metric, bound,
                subject.histogram(database.transactionHistogram(), "transaction"), transactions, "transactions", "");
    }

    private static String slowestStatement(DatabaseMeasurement database) {
        return database.topStatements().stream()
                .max((a, b) -> Long.compare(a.p95Nanos(), b.p95Nanos()))
                .map(top -> "; slowest statement: " + top.sql() + " (p95 " + QuantityKind.DURATION.format(top.p95Nanos())
                        + ", " + QuantityKind.grouped(top.count()) + " executions): check its plan (EXPLAIN)"
                        + " for a missing index")
                .orElse("");
    }

    private static MetricOutcome poolEfficiency(Subject subject, Metric metric, Bound bound,
                                                DatabaseMeasurement database) {
        long requests = database.connectionRequests();
        if (requests == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, database.statements() == 0 ? NO_STATEMENTS
                    : "no connection was requested from a wrapped DataSource (connections wrapped one by one"
                    + " have no pool to judge)");
        }
        double efficiency = (double) database.connectionsWithin1ms() / requests;
        long required = SampleRule.required(metric, bound).orElseThrow();
        if (bound.judge(efficiency, metric.direction()) != Verdict.FAIL && requests < required) {
            return Wording.tooFewTrials(subject, metric, bound, efficiency, requests, required, "connection requests");
        }
        LatencyHistogram waits = subject.histogram(database.connectionWaitHistogram(), "connection wait");
        return Wording.judged(subject, metric, bound, efficiency, requests, null, null, "; "
                + QuantityKind.grouped(requests - database.connectionsWithin1ms()) + " of "
                + QuantityKind.grouped(requests) + " connection requests waited over 1 ms (p95 wait "
                + QuantityKind.DURATION.format(waits.valueAtQuantile(0.95))
                + "): enlarge the pool, hold connections for less time, or put a pool in front of the database");
    }

    private static MetricOutcome deadlockRate(Subject subject, Metric metric, Bound bound,
                                              DatabaseMeasurement database) {
        long transactions = database.transactions();
        if (transactions == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, NO_STATEMENTS);
        }
        double rate = (double) database.deadlocks() / transactions;
        long required = SampleRule.required(metric, bound).orElseThrow();
        if (bound.judge(rate, metric.direction()) != Verdict.FAIL && transactions < required) {
            return Wording.tooFewTrials(subject, metric, bound, rate, transactions, required, "transactions");
        }
        String detail = database.deadlocks() == 0 ? "" : "; " + QuantityKind.grouped(database.deadlocks()) + " of "
                + QuantityKind.grouped(transactions) + " transactions failed with "
                + database.deadlocksBySqlState().keySet() + ", first: " + database.firstDeadlock()
                + "; take locks in one order everywhere, keep transactions short, and retry serialization failures";
        return Wording.judged(subject, metric, bound, rate, transactions, null, null, detail);
    }

    private static MetricOutcome statementsPerInvocation(Subject subject, Metric metric, Bound bound,
                                                         DatabaseMeasurement database) {
        long invocations = database.invocations();
        if (invocations == 0) {
            return Wording.notMeasured(subject, metric, bound, 0, "no invocation boundaries were recorded");
        }
        if (database.statementsInInvocations() == 0 && database.statements() == 0) {
            return Wording.notMeasured(subject, metric, bound, invocations, NO_STATEMENTS);
        }
        String detail = "";
        if (!database.worstInvocation().isEmpty()) {
            DatabaseMeasurement.StatementCount repeated = database.worstInvocation().get(0);
            String mean = QuantityKind.COUNT.format(
                    Math.round(10.0 * database.statementsInInvocations() / invocations) / 10.0);
            detail = "; the worst invocation ran \"" + repeated.sql() + "\" " + QuantityKind.grouped(repeated.count())
                    + (repeated.count() == 1 ? " time" : " times") + " (mean " + mean + " statements per invocation)"
                    + (repeated.count() > 1
                    ? ": an N+1 query; load those rows in one statement (a join, or WHERE ... IN (...))" : "");
        }
        return Wording.judged(subject, metric, bound, database.maxStatementsPerInvocation(), invocations, null, null,
                detail);
    }
}
