package io.perfgate.core.report;

import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.Measurement;

import java.util.List;

import static io.perfgate.core.report.Markup.escape;

/**
 * Tests that need no attention as one table row each: verdict, invocations and every gated metric's value
 * against its bound, with what ran and the gates' messages in a {@code <details>} that opens on demand. No chart
 * and no histogram is decoded, so a report of a thousand passing tests stays small and quick to write. A report
 * of up to {@link #FULL_UP_TO} tests shows every test in full; beyond that only tests that fail, warn, are
 * inconclusive or block the build do.
 */
final class CompactTests {
    /** Reports with at most this many tests show each in full, charts included. */
    static final int FULL_UP_TO = 25;

    private CompactTests() {
    }

    /** Whether this test, in a report of {@code tests} tests, is shown as a row rather than in full. */
    static boolean compact(TestOutcome test, int tests) {
        return tests > FULL_UP_TO && !test.blocks()
                && (test.verdict() == Verdict.PASS || test.verdict() == Verdict.SKIPPED);
    }

    /** The sentence that says how the tests below are laid out. */
    static String legend(int tests) {
        return tests > FULL_UP_TO ? "Tests that fail, warn, are inconclusive or block the build are shown in full;"
                + " the others are one row each: open a row for what ran and the gates' messages." : "";
    }

    static void render(StringBuilder out, List<TestOutcome> tests) {
        out.append("<table class=\"compact\">\n<tr><th>Test</th><th>Verdict</th><th class=\"num\">Invocations</th>"
                + "<th>Gated metrics (measured / bound)</th></tr>\n");
        for (TestOutcome test : tests) {
            List<ReportRow> rows = ReportRow.of(test);
            Measurement measurement = test.result().measurement();
            out.append("<tr id=\"").append(HtmlReportWriter.testAnchor(test)).append("\"><td><details><summary>")
                    .append(escape(test.label())).append("</summary>\n<p class=\"meta\">")
                    .append(escape(TestSection.describe(test.result()))).append("</p>\n");
            if (!rows.isEmpty()) {
                out.append("<ul>\n");
                for (ReportRow row : rows) {
                    out.append("<li>").append(escape(row.gateTitle())).append(' ').append(row.gate().level())
                            .append(": ").append(escape(row.message())).append("</li>\n");
                }
                out.append("</ul>\n");
            }
            out.append("</details></td><td class=\"verdict v-").append(test.verdict()).append("\">")
                    .append(test.verdict()).append("</td><td class=\"num\">")
                    .append(measurement == null ? "-" : QuantityKind.grouped(measurement.invocations()))
                    .append("</td><td>");
            for (int i = 0; i < rows.size(); i++) {
                ReportRow row = rows.get(i);
                out.append(i == 0 ? "" : "<br>").append(escape(row.metricLabel())).append(' ')
                        .append(escape(row.measured())).append(" / ").append(escape(row.bound()));
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
