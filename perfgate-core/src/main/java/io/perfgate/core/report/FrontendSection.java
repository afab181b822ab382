package io.perfgate.core.report;

import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.frontend.MedianOfRuns;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.FrontendDetails;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.perfgate.core.report.Markup.escape;
import static io.perfgate.core.report.Markup.escapeAttribute;

/**
 * A page measured by Lighthouse, in the HTML report: every metric's median against its bound with the runs'
 * values and spread, Lighthouse's final screenshot, and links to Lighthouse's own report of each run.
 */
final class FrontendSection {
    /** Only images Lighthouse encodes go into the page: a data URI of base64 characters. */
    private static final Pattern SCREENSHOT = Pattern.compile("data:image/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+");

    private FrontendSection() {
    }

    static void render(StringBuilder out, TestOutcome test) {
        FrontendDetails details = test.result().frontend();
        if (details == null) {
            return;
        }
        out.append("<div class=\"frontend\">\n<p class=\"meta\">").append(escape(details.url())).append(" &middot; ")
                .append(escape(details.formFactor())).append(", throttling ").append(escape(details.throttling()))
                .append(details.lighthouseVersion() == null ? "" : ", Lighthouse " + escape(details.lighthouseVersion()))
                .append(", ").append(details.runs().size()).append(details.runs().size() == 1 ? " run" : " runs")
                .append(", runs may differ by ").append(escape(QuantityKind.PERCENT.format(details.maxSpread())))
                .append("</p>\n");
        if (details.failure() != null) {
            out.append("<p class=\"distortion\">").append(escape(details.failure())).append("</p>\n");
        }
        List<FrontendDetails.Run> measured = details.measuredRuns();
        if (!measured.isEmpty()) {
            out.append("<table class=\"frontend-metrics\">\n<tr><th>Metric</th><th class=\"num\">Median</th>"
                    + "<th>Runs</th><th class=\"num\">Spread</th><th>Bound</th><th>Verdict</th></tr>\n");
            for (Metric metric : Metric.of(GateType.FRONTEND)) {
                row(out, test, metric, measured);
            }
            out.append("</table>\n");
        }
        if (details.screenshot() != null && SCREENSHOT.matcher(details.screenshot()).matches()) {
            out.append("<figure><img src=\"").append(escapeAttribute(details.screenshot()))
                    .append("\" alt=\"final screenshot\" style=\"max-width:240px;border:1px solid #d0d7de\">")
                    .append("<figcaption>Final screenshot (last run)</figcaption></figure>\n");
        }
        String links = java.util.stream.IntStream.range(0, details.runs().size())
                .filter(i -> details.runs().get(i).htmlReport() != null)
                .mapToObj(i -> "<a href=\"" + escapeAttribute(details.runs().get(i).htmlReport()) + "\">run " + (i + 1)
                        + "</a>")
                .collect(Collectors.joining(" "));
        if (!links.isEmpty()) {
            out.append("<p>Lighthouse reports: ").append(links).append("</p>\n");
        }
        out.append("</div>\n");
    }

    private static void row(StringBuilder out, TestOutcome test, Metric metric, List<FrontendDetails.Run> measured) {
        double[] values = measured.stream().map(run -> run.metrics().get(metric.attribute())).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        if (values.length == 0) {
            return;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        QuantityKind kind = metric.kind();
        Optional<MetricOutcome> judged = test.gates().stream().map(GateOutcome::metrics).flatMap(List::stream)
                .filter(outcome -> outcome.metric() == metric).findFirst();
        out.append("<tr><td>").append(escape(metric.label())).append("</td><td class=\"num\">")
                .append(escape(kind.format(MedianOfRuns.median(sorted)))).append("</td><td>")
                .append(escape(java.util.Arrays.stream(values).mapToObj(kind::format).collect(Collectors.joining(", "))))
                .append("</td><td class=\"num\">").append(values.length < 2 ? "" : escape(spread(sorted)))
                .append("</td><td>").append(judged.map(outcome -> escape(outcome.boundText())).orElse(""))
                .append("</td><td>").append(judged.map(outcome -> "<span class=\"badge b-" + outcome.verdict() + "\">"
                        + outcome.verdict() + "</span>").orElse("")).append("</td></tr>\n");
    }

    private static String spread(double[] sorted) {
        return MedianOfRuns.spreadText(MedianOfRuns.spread(sorted));
    }
}
