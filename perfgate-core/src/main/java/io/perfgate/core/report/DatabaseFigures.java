package io.perfgate.core.report;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.DatabaseMeasurement;

import java.util.ArrayList;
import java.util.List;

import static io.perfgate.core.report.Markup.escape;

/** The database family's part of a test's section: statements, transactions, connections and the costliest SQL. */
final class DatabaseFigures {
    private DatabaseFigures() {
    }

    /**
     * What went through wrapped DataSources: the figures the database gate judges, the statements of the
     * invocation that ran the most (an N+1 query shows as one statement repeated), and the costliest statements.
     */
    static void render(StringBuilder out, DatabaseMeasurement database) {
        if (database == null) {
            return;
        }
        List<String[]> figures = new ArrayList<>();
        figures.add(new String[] {"statements", QuantityKind.grouped(database.statements())
                + (database.statementErrors() > 0 ? " (" + QuantityKind.grouped(database.statementErrors()) + " failed)" : "")});
        LatencyHistogram statements = TestSection.decode(database.statementHistogram());
        if (statements != null) {
            figures.add(new String[] {"statement p50 / p95 / max", QuantityKind.DURATION.format(statements.valueAtQuantile(0.5))
                    + " / " + QuantityKind.DURATION.format(statements.valueAtQuantile(0.95)) + " / "
                    + QuantityKind.DURATION.format(statements.max())});
        }
        figures.add(new String[] {"transactions", QuantityKind.grouped(database.commits()) + " committed, "
                + QuantityKind.grouped(database.rollbacks()) + " rolled back, "
                + QuantityKind.grouped(database.autoCommitStatements()) + " auto-commit"});
        LatencyHistogram transactions = TestSection.decode(database.transactionHistogram());
        if (transactions != null) {
            figures.add(new String[] {"transaction p50 / p95 / max",
                    QuantityKind.DURATION.format(transactions.valueAtQuantile(0.5)) + " / "
                            + QuantityKind.DURATION.format(transactions.valueAtQuantile(0.95)) + " / "
                            + QuantityKind.DURATION.format(transactions.max())});
        }
        if (database.connectionRequests() > 0) {
            figures.add(new String[] {"connections within 1 ms", QuantityKind.grouped(database.connectionsWithin1ms())
                    + " of " + QuantityKind.grouped(database.connectionRequests()) + " ("
                    + QuantityKind.PERCENT.format((double) database.connectionsWithin1ms() / database.connectionRequests())
                    + ")"});
        }
        figures.add(new String[] {"deadlocks and serialization failures", QuantityKind.grouped(database.deadlocks())
                + (database.deadlocksBySqlState().isEmpty() ? "" : " " + database.deadlocksBySqlState())});
        if (database.invocations() > 0) {
            figures.add(new String[] {"statements per invocation", "max "
                    + QuantityKind.grouped(database.maxStatementsPerInvocation()) + ", mean "
                    + QuantityKind.COUNT.format(Math.round(10.0 * database.statementsInInvocations()
                    / database.invocations()) / 10.0)});
        }
        out.append("<div class=\"latency\">\n");
        TestSection.figureTable(out, "Database", figures);
        if (!database.worstInvocation().isEmpty()) {
            out.append("<table class=\"statements\">\n<tr><th>Statements of the invocation that ran the most</th>"
                    + "<th class=\"num\">Times</th></tr>\n");
            for (DatabaseMeasurement.StatementCount statement : database.worstInvocation()) {
                out.append("<tr><td><code>").append(escape(statement.sql())).append("</code></td><td class=\"num\">")
                        .append(QuantityKind.grouped(statement.count())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</div>\n");
        if (!database.topStatements().isEmpty()) {
            out.append("<table class=\"statements\">\n<tr><th>Statement</th><th class=\"num\">Executions</th>"
                    + "<th class=\"num\">Failed</th><th class=\"num\">Total</th><th class=\"num\">p50</th>"
                    + "<th class=\"num\">p95</th><th class=\"num\">max</th></tr>\n");
            for (DatabaseMeasurement.StatementSummary statement : database.topStatements()) {
                out.append("<tr><td><code>").append(escape(statement.sql())).append("</code></td>");
                for (String cell : new String[] {QuantityKind.grouped(statement.count()),
                        QuantityKind.grouped(statement.errors()), QuantityKind.DURATION.format(statement.totalNanos()),
                        QuantityKind.DURATION.format(statement.p50Nanos()),
                        QuantityKind.DURATION.format(statement.p95Nanos()),
                        QuantityKind.DURATION.format(statement.maxNanos())}) {
                    out.append("<td class=\"num\">").append(escape(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
    }
}
