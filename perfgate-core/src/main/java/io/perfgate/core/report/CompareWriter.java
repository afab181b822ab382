package io.perfgate.core.report;

import io.perfgate.core.compare.CompareReport;

import java.util.List;

/** Renders a {@link CompareReport} in one format; it presents what compare decided and never judges. */
public interface CompareWriter {

    /** The file it writes in the perfgate directory: {@code compare.md}. */
    String fileName();

    String render(CompareReport report);

    /** JSON, Markdown and HTML. */
    static List<CompareWriter> all() {
        return List.of(new CompareJsonWriter(), new CompareMarkdownWriter(), new CompareHtmlWriter());
    }
}
