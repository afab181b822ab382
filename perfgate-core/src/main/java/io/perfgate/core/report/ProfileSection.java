package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.profile.HotMethods;
import io.perfgate.core.profile.MethodNames;
import io.perfgate.core.profile.ProfileDiff;
import io.perfgate.core.profile.ProfileSummary;

import java.util.List;
import java.util.Locale;

import static io.perfgate.core.report.Markup.escape;
import static io.perfgate.core.profile.HotMethods.percent;

/**
 * A test's profile in the report: its hot spots (top methods by self and by total time, top allocation sites,
 * contended monitors) and its flame graph; and, for a regression, the differential view against the baseline's
 * profile: the methods whose share changed most and the differential flame graph.
 */
final class ProfileSection {
    static final String CSS = """
            svg.flame{border:1px solid #d0d7de;max-width:100%;height:auto}
            svg.flame text{font:11px ui-monospace,Menlo,Consolas,monospace;fill:#1f2328}
            svg.flame g:hover rect{stroke:#1f2328;stroke-width:0.6}
            .hotspots{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
            .hotspots table{margin:0}
            td.grew{color:#cf222e}
            td.shrank{color:#0969da}
            """;
    private static final int TOP = 10;
    private static final int DIFF_ROWS = 15;

    private ProfileSection() {
    }

    /** The section's styles, for a report with a profiled test; else nothing. */
    static String css(CheckReport report) {
        return report.tests().stream().anyMatch(test -> test.result().measurement() != null
                && test.result().measurement().profile() != null) ? CSS : "";
    }

    static void render(StringBuilder out, String testLabel, ProfileSummary profile) {
        if (profile == null) {
            return;
        }
        out.append("<h5>Profile</h5>\n<p class=\"meta\">").append(escape(describe(profile))).append("</p>\n");
        if (profile.executionSamples() == 0) {
            return;
        }
        out.append("<div class=\"hotspots\">\n");
        methods(out, "Top methods by self time", HotMethods.bySelf(profile, TOP), true);
        methods(out, "Top methods by total time", HotMethods.byTotal(profile, TOP), false);
        allocations(out, profile.allocations());
        contention(out, profile.contention());
        out.append("</div>\n");
        out.append(FlameGraphSvg.of(profile, "Flame graph of " + testLabel));
    }

    /** The differential view of a regressed test: the methods whose share changed most, then its flame graph. */
    static void renderDiff(StringBuilder out, String testLabel, ProfileDiff diff) {
        out.append("<h5>Where the time went, against the baseline's profile</h5>\n<p class=\"meta\">")
                .append(escape(diff.explanation().map(text -> capitalised(text) + ".")
                        .orElse("No method's share of the samples grew beyond sampling noise.")))
                .append(" Shares are of all execution samples: ")
                .append(escape(String.format(Locale.ROOT, "%,d", diff.baseline().executionSamples())))
                .append(" in the baseline, ").append(escape(String.format(Locale.ROOT, "%,d",
                        diff.current().executionSamples()))).append(" now.</p>\n");
        out.append("<table class=\"profile-diff\">\n<tr><th>Method</th><th class=\"num\">Total, baseline</th>"
                + "<th class=\"num\">Total, now</th><th class=\"num\">Change</th><th class=\"num\">Self, baseline</th>"
                + "<th class=\"num\">Self, now</th></tr>\n");
        diff.changes().stream().limit(DIFF_ROWS).forEach(change -> out.append("<tr><td title=\"")
                .append(Markup.escapeAttribute(change.method())).append("\">").append(escape(change.shortName()))
                .append("</td><td class=\"num\">").append(percent(change.baselineTotal()))
                .append("</td><td class=\"num\">").append(percent(change.currentTotal()))
                .append("</td><td class=\"num ").append(change.totalChange() >= 0 ? "grew" : "shrank").append("\">")
                .append(escape(ProfileDiff.points(change.totalChange())))
                .append("</td><td class=\"num\">").append(percent(change.baselineSelf()))
                .append("</td><td class=\"num\">").append(percent(change.currentSelf())).append("</td></tr>\n"));
        out.append("</table>\n<p class=\"meta\">Differential flame graph: the current profile, each frame coloured by"
                + " how its share changed (red grew, blue shrank).</p>\n");
        out.append(FlameGraphSvg.differential(diff, "Differential flame graph of " + testLabel));
    }

    private static String describe(ProfileSummary profile) {
        String text = String.format(Locale.ROOT, "JFR: %,d execution samples every %d ms over %s",
                profile.executionSamples(), profile.samplingPeriodMillis(),
                QuantityKind.DURATION.format(profile.durationNanos()));
        text += "; GC paused " + QuantityKind.DURATION.format(profile.gcPauseNanos()) + " in " + profile.gcCount()
                + (profile.gcCount() == 1 ? " collection" : " collections") + " (" + percent(profile.gcShare())
                + " of the time)";
        if (profile.recordingFile() != null) {
            text += "; recording kept in results/" + profile.recordingFile() + " (open it in JDK Mission Control)";
        }
        return profile.executionSamples() == 0 ? text + ". No samples: the rounds were too short to profile." : text + ".";
    }

    private static void methods(StringBuilder out, String title, List<HotMethods.MethodShare> methods, boolean self) {
        out.append("<table class=\"hot\">\n<tr><th>").append(title).append("</th><th class=\"num\">Self</th>"
                + "<th class=\"num\">Total</th></tr>\n");
        for (HotMethods.MethodShare method : methods) {
            out.append("<tr><td title=\"").append(Markup.escapeAttribute(method.method())).append("\">")
                    .append(escape(method.shortName())).append("</td><td class=\"num\">")
                    .append(percent(method.selfShare())).append("</td><td class=\"num\">")
                    .append(percent(method.totalShare())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void allocations(StringBuilder out, List<ProfileSummary.AllocationSite> sites) {
        if (sites.isEmpty()) {
            return;
        }
        out.append("<table class=\"alloc\">\n<tr><th>Top allocation sites</th><th>Allocates</th>"
                + "<th class=\"num\">Sampled bytes</th></tr>\n");
        for (ProfileSummary.AllocationSite site : sites) {
            out.append("<tr><td title=\"").append(Markup.escapeAttribute(site.site())).append("\">")
                    .append(escape(MethodNames.shortName(site.site()))).append("</td><td>")
                    .append(escape(site.objectClass())).append("</td><td class=\"num\">")
                    .append(escape(QuantityKind.SIZE.format(site.bytes()))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void contention(StringBuilder out, List<ProfileSummary.ContendedMonitor> monitors) {
        if (monitors.isEmpty()) {
            return;
        }
        out.append("<table class=\"contention\">\n<tr><th>Contended</th><th>Waited at</th><th class=\"num\">Waits</th>"
                + "<th class=\"num\">Time</th></tr>\n");
        for (ProfileSummary.ContendedMonitor monitor : monitors) {
            out.append("<tr><td>").append(escape(monitor.kind() + " " + monitor.objectClass())).append("</td><td>")
                    .append(escape(MethodNames.shortName(monitor.site()))).append("</td><td class=\"num\">")
                    .append(monitor.events()).append("</td><td class=\"num\">")
                    .append(escape(QuantityKind.DURATION.format(monitor.totalNanos()))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
