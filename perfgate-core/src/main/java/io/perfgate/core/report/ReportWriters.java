package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.result.AtomicFiles;

import java.nio.file.Path;
import java.util.List;

/** Every report format perfgate writes, and writing them all at once. */
public final class ReportWriters {
    private ReportWriters() {
    }

    /** One writer per format: HTML, JSON summary, Markdown summary, JUnit XML, and the recommendations. */
    public static List<ReportWriter> all() {
        return List.of(new HtmlReportWriter(), new JsonSummaryWriter(), new MarkdownSummaryWriter(),
                new JUnitXmlWriter(), new RecommendationsJsonWriter());
    }

    /** Renders every format and writes each file atomically; returns the files written. */
    public static List<Path> writeAll(CheckReport report, Path reportDirectory) {
        // the formats are independent: render them on every core
        return all().parallelStream().map(writer -> {
            Path file = reportDirectory.resolve(writer.fileName());
            AtomicFiles.write(file, writer.render(report));
            return file;
        }).toList();
    }
}
