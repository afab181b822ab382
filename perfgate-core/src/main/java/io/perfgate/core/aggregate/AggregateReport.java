package io.perfgate.core.aggregate;

import io.perfgate.core.result.AtomicFiles;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import static io.perfgate.core.report.Markup.escape;
import static io.perfgate.core.report.Markup.markdownCell;

/**
 * One report for a multi-module build: every module of the reactor with its verdict counts and a link to
 * its own report, as JaCoCo's report-aggregate does for coverage. It reads what each module's
 * {@code check} wrote and decides nothing: each module's {@code check} has judged its own results.
 * Writes {@code index.html} and {@code summary.md} (the module summaries under one table, for a CI job
 * summary).
 */
public final class AggregateReport {
    private static final String[] COUNTS = {"tests", "passed", "warned", "failed", "inconclusive", "skipped"};

    private final String projectName;
    private final List<ModuleReport> modules;

    public AggregateReport(String projectName, List<ModuleReport> modules) {
        this.projectName = projectName;
        this.modules = List.copyOf(modules);
    }

    public List<ModuleReport> modules() {
        return modules;
    }

    /** Modules where {@code check} judged something. */
    public long checkedModules() {
        return modules.stream().filter(module -> module.state() == ModuleReport.State.CHECKED).count();
    }

    /** {@code perfgate: FAILED - 2 modules with perf tests of 3, 1 with blocking violations}. */
    public String headline() {
        long blocking = modules.stream().filter(ModuleReport::blocking).count();
        long trouble = modules.stream().filter(module -> module.state() == ModuleReport.State.UNCHECKED
                || module.state() == ModuleReport.State.UNREADABLE).count();
        String status = blocking > 0 ? "FAILED" : checkedModules() == 0 ? "SKIPPED" : "PASSED";
        return "perfgate: " + status + " - " + checkedModules() + " of " + modules.size() + " modules with perf tests"
                + (blocking > 0 ? ", " + blocking + " with blocking violations or regressions" : "")
                + (trouble > 0 ? ", " + trouble + " not checked" : "");
    }

    /** The table of modules, then each module's own summary under a heading of its name, its headings two levels down. */
    public String markdown() {
        return markdown(List.of());
    }

    /**
     * As {@link #markdown()}, leaving out the sections of modules whose summary is on the page already (a
     * failing {@code check} appends its own before the build stops).
     */
    public String markdown(Collection<String> alreadyShown) {
        StringBuilder out = new StringBuilder(4096);
        out.append("## ").append(markdownCell(headline())).append("\n\n");
        out.append("| Module | Status | Tests | Passed | Warned | Failed | Inconclusive | Skipped | Regressed |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ModuleReport module : modules) {
            out.append("| ").append(markdownCell(module.name())).append(" | ").append(markdownCell(module.status()));
            for (String count : COUNTS) {
                out.append(" | ").append(module.state() == ModuleReport.State.CHECKED ? module.count(count) : "");
            }
            out.append(" | ").append(module.state() == ModuleReport.State.CHECKED
                    ? module.comparisons("REGRESSED") : "").append(" |\n");
        }
        for (ModuleReport module : modules) {
            if (module.problem() != null) {
                out.append("\n- ").append(markdownCell(module.name())).append(": ").append(markdownCell(module.problem()));
            }
        }
        for (ModuleReport module : modules) {
            if (module.state() == ModuleReport.State.CHECKED && !module.markdown().isBlank()
                    && !alreadyShown.contains(module.name())) {
                out.append("\n\n### Module ").append(markdownCell(module.name())).append("\n\n")
                        .append(demote(demote(module.markdown().strip())));
            }
        }
        return out.append('\n').toString();
    }

    /** A self-contained page: the table, with links to each module's own report. */
    public String html() {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(projectName)).append(" - perfgate</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}td.n{text-align:right}")
                .append(".FAILED{color:#b00020;font-weight:bold}.PASSED{color:#1b5e20}</style>\n</head>\n<body>\n<h1>")
                .append(escape(projectName)).append("</h1>\n<p>").append(escape(headline())).append("</p>\n<table>\n<tr>")
                .append("<th>Module</th><th>Status</th><th>Tests</th><th>Passed</th><th>Warned</th><th>Failed</th>")
                .append("<th>Inconclusive</th><th>Skipped</th><th>Regressed</th><th>Report</th></tr>\n");
        for (ModuleReport module : modules) {
            boolean checked = module.state() == ModuleReport.State.CHECKED;
            out.append("<tr><td>").append(escape(module.name())).append("</td><td class=\"")
                    .append(escape(module.status().replace(' ', '-'))).append("\">").append(escape(module.status()))
                    .append("</td>");
            for (String count : COUNTS) {
                out.append("<td class=\"n\">").append(checked ? module.count(count) : "").append("</td>");
            }
            out.append("<td class=\"n\">").append(checked ? module.comparisons("REGRESSED") : "").append("</td><td>");
            if (checked) {
                out.append("<a href=\"").append(escape(module.link())).append("\">").append(escape(module.link()))
                        .append("</a>");
            } else if (module.problem() != null) {
                out.append(escape(module.problem()));
            }
            out.append("</td></tr>\n");
        }
        return out.append("</table>\n</body>\n</html>\n").toString();
    }

    /** Writes {@code index.html} and {@code summary.md} into the directory; returns the Markdown file. */
    public Path write(Path directory) {
        AtomicFiles.write(directory.resolve("index.html"), html());
        Path markdown = directory.resolve("summary.md");
        AtomicFiles.write(markdown, markdown());
        return markdown;
    }

    /** A module's headings one level down, so they nest under the aggregate's. */
    static String demote(String markdown) {
        return markdown.replaceAll("(?m)^(#{1,5}) ", "#$1 ");
    }
}
