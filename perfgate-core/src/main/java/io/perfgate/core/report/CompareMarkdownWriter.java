package io.perfgate.core.report;

import io.perfgate.core.compare.ComparedTest;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.compare.PairedComparison;
import io.perfgate.core.regression.RegressionOutcome;

import static io.perfgate.core.report.Markup.markdownCell;

/** {@code compare.md}: a pull-request comment; regressions first, one table row per test and metric. */
public final class CompareMarkdownWriter implements CompareWriter {

    @Override
    public String fileName() {
        return "compare.md";
    }

    @Override
    public String render(CompareReport report) {
        StringBuilder out = new StringBuilder();
        boolean blocking = !report.blocking().isEmpty();
        out.append("## perfgate compare: ").append(blocking ? "❌ regressed" : "✅ no blocking regression")
                .append("\n\n");
        out.append(markdownCell(report.counts())).append(".\n\n");
        out.append("Head and base ").append(markdownCell(report.base().describe()))
                .append(" ran in alternating JVMs on the same machine (ABBA order); each pair gives one ratio")
                .append(" head / base. Interval: Hodges–Lehmann, each end at 95 %; significance: Wilcoxon signed-rank,")
                .append(" ").append(markdownCell(report.correction())).append(" across the suite.\n\n");
        if (report.stoppedEarly() != null) {
            out.append("> ⚠️ ").append(markdownCell("Stopped early: " + report.stoppedEarly())).append("\n\n");
        }
        if (!report.comparisons().isEmpty()) {
            out.append("| Test | Metric | Base | Head | Change | Interval | Allowed | Outcome |\n");
            out.append("|---|---|--:|--:|--:|---|--:|---|\n");
            for (RegressionOutcome outcome : new RegressionOutcome[] {RegressionOutcome.REGRESSED,
                    RegressionOutcome.INCONCLUSIVE, RegressionOutcome.IMPROVED, RegressionOutcome.UNCHANGED}) {
                for (PairedComparison comparison : report.comparisons()) {
                    if (comparison.outcome() == outcome) {
                        row(out, comparison);
                    }
                }
            }
            out.append('\n');
        }
        for (ComparedTest test : report.tests()) {
            if (test.status() != ComparedTest.Status.COMPARED) {
                out.append("- **").append(markdownCell(test.label())).append("**: ")
                        .append(switch (test.status()) {
                            case NEW -> "🆕 ";
                            case LEFT_OUT -> "⏭️ ";
                            default -> "⚠️ ";
                        })
                        .append(markdownCell(test.reason())).append('\n');
            }
        }
        for (PairedComparison comparison : report.comparisons()) {
            if (comparison.outcome() == RegressionOutcome.REGRESSED || comparison.outcome() == RegressionOutcome.INCONCLUSIVE) {
                out.append("\n<details><summary>").append(markdownCell(comparison.testLabel())).append(' ')
                        .append(markdownCell(comparison.metric().label())).append("</summary>\n\n")
                        .append(markdownCell(comparison.message())).append("\n</details>\n");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, PairedComparison comparison) {
        String outcome = switch (comparison.outcome()) {
            case REGRESSED -> comparison.blocks() ? "❌ REGRESSED" : "⚠️ REGRESSED (" + comparison.level() + ")";
            case IMPROVED -> "🚀 IMPROVED";
            case UNCHANGED -> "✅ UNCHANGED";
            case INCONCLUSIVE -> "❔ INCONCLUSIVE";
        };
        out.append("| ").append(markdownCell(comparison.testLabel()))
                .append(" | ").append(markdownCell(comparison.metric().label()))
                .append(" | ").append(format(comparison, comparison.baseValue()))
                .append(" | ").append(format(comparison, comparison.headValue()))
                .append(" | ").append(comparison.formattedChange())
                .append(" | ").append(comparison.formattedInterval())
                .append(" | ").append(comparison.formattedAllowed())
                .append(" | ").append(outcome).append(" |\n");
    }

    static String format(PairedComparison comparison, double value) {
        return Double.isNaN(value) ? "n/a" : comparison.metric().kind().format(value);
    }
}
