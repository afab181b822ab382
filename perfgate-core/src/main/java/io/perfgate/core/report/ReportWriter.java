package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;

/**
 * Renders a {@link CheckReport} in one format. Writers only present what {@code check} decided;
 * they never judge. Numbers are formatted with {@code Locale.ROOT} so output is the same everywhere.
 */
public interface ReportWriter {

    /** The file this writer produces inside the report directory, e.g. {@code index.html}. */
    String fileName();

    /** The whole file content. */
    String render(CheckReport report);
}
