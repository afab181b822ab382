package io.perfgate.core.report;

import io.perfgate.core.compare.ComparedTest;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.compare.PairedComparison;

import static io.perfgate.core.report.Markup.escape;

/** {@code compare.html}: self-contained page; per test and metric base, head, change, interval, outcome and the pair chart. */
public final class CompareHtmlWriter implements CompareWriter {

    @Override
    public String fileName() {
        return "compare.html";
    }

    @Override
    public String render(CompareReport report) {
        boolean blocking = !report.blocking().isEmpty();
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>perfgate compare</title>\n<style>")
                .append(HtmlStyle.CSS)
                .append(".o-REGRESSED{color:#cf222e}.o-IMPROVED{color:#1a7f37}.o-UNCHANGED{color:#59636e}")
                .append(".o-INCONCLUSIVE{color:#8250df}</style></head><body>\n<h1>perfgate compare</h1>\n");
        out.append("<div class=\"status s-").append(blocking ? "FAILED" : "PASSED").append("\">")
                .append(blocking ? "Blocking regression" : "No blocking regression").append("</div>\n");
        out.append("<p class=\"meta\">").append(escape(report.counts())).append("</p>\n");
        out.append("<p class=\"meta\">Base and head ran in alternating JVMs (ABBA order). Change and interval: ")
                .append("Hodges–Lehmann estimate of head / base over the per-pair ratios, each end at 95 %; ")
                .append("significance: one-sided Wilcoxon signed-rank test, ").append(escape(report.correction()))
                .append(" across the suite.</p>\n");
        if (report.stoppedEarly() != null) {
            out.append("<p class=\"distortion\">Stopped early: ").append(escape(report.stoppedEarly())).append("</p>\n");
        }
        for (ComparedTest test : report.tests()) {
            out.append("<h3>").append(escape(test.label())).append("</h3>\n");
            if (test.status() != ComparedTest.Status.COMPARED) {
                out.append("<p><span class=\"verdict\">").append(test.status()).append("</span> ")
                        .append(escape(test.reason())).append("</p>\n");
                continue;
            }
            out.append("<table><tr><th>Metric</th><th class=\"num\">Base</th><th class=\"num\">Head</th>")
                    .append("<th class=\"num\">Change</th><th>Interval</th><th class=\"num\">Allowed</th>")
                    .append("<th>Outcome</th><th>Pair by pair</th></tr>\n");
            for (PairedComparison comparison : test.metrics()) {
                out.append("<tr").append(comparison.blocks() ? " class=\"blocks\"" : "").append("><td>")
                        .append(escape(comparison.metric().label())).append("</td><td class=\"num\">")
                        .append(escape(CompareMarkdownWriter.format(comparison, comparison.baseValue())))
                        .append("</td><td class=\"num\">")
                        .append(escape(CompareMarkdownWriter.format(comparison, comparison.headValue())))
                        .append("</td><td class=\"num\">").append(escape(comparison.formattedChange()))
                        .append("</td><td>").append(escape(comparison.formattedInterval()))
                        .append("</td><td class=\"num\">").append(escape(comparison.formattedAllowed()))
                        .append("</td><td><span class=\"verdict o-").append(comparison.outcome()).append("\">")
                        .append(comparison.outcome()).append("</span>")
                        .append(comparison.blocks() ? "<span class=\"blocking\">BLOCKING</span>" : "")
                        .append("<span class=\"ci\">").append(escape(comparison.message())).append("</span></td><td>")
                        .append(PairChart.svg(comparison)).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("<footer>Fork logs: ").append(escape(report.forkLogs())).append("</footer>\n</body></html>\n");
        return out.toString();
    }
}
