package io.perfgate.core.frontend;

import io.perfgate.core.result.Environment;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.result.Workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns pages and what Lighthouse measured on them into perfgate results ({@code kind = lighthouse}), one per
 * page, so {@code check} judges and reports them, and compares them with the baseline, like every other result.
 * {@code perfgate:compare} does not measure them again: it runs no browser.
 */
public final class FrontendResults {
    public static final ResultKind KIND = ResultKind.LIGHTHOUSE;

    private FrontendResults() {
    }

    /** Written before the first run, so a goal that breaks off is told from one that never ran. */
    public static TestResult declared(PageDefinition page) {
        return TestResult.declared(KIND, page.id(), page.file(), page.name(), page.name(), page.gates(),
                new Workload(null, 0, 0, page.runs(), 0, 1, 0)).withEnvironment(Environment.machine());
    }

    /** The page's result: COMPLETED with every run, its failure (if any) counted as an error. */
    public static TestResult completed(PageDefinition page, FrontendDetails details, long durationNanos) {
        TestResult declared = declared(page);
        long failed = details.runs().stream().filter(run -> run.error() != null).count();
        Measurement measurement = new Measurement(details.runs().size(), failed,
                failed == 0 ? Map.of() : Map.of("lighthouse", failed), details.failure(), durationNanos, null, null,
                null, List.of());
        return declared.withStatus(ResultStatus.COMPLETED, null).withMeasurement(measurement, null)
                .withFrontend(details);
    }

    /**
     * Judges saved Lighthouse results (LHR JSON) as the runs of a page. A report's HTML twin
     * ({@code x.report.html} beside {@code x.report.json}) is linked when present.
     *
     * @param perfgateDirectory links are written relative to it
     */
    public static TestResult imported(PageDefinition page, Path perfgateDirectory) {
        List<FrontendDetails.Run> runs = new ArrayList<>();
        String failure = null;
        String version = null;
        String url = null;
        String screenshot = null;
        for (Path file : page.imported()) {
            if (!Files.isRegularFile(file)) {
                throw new FrontendConfigurationException(page.file() + " page '" + page.name() + "': the saved"
                        + " Lighthouse result " + file + " does not exist");
            }
            LighthouseReport report = LighthouseReport.read(file);
            String error = report.failure(report.requestedUrl());
            failure = failure != null ? failure : error;
            version = report.lighthouseVersion();
            url = url != null ? url : report.requestedUrl();
            screenshot = report.screenshot() != null ? report.screenshot() : screenshot;
            runs.add(new FrontendDetails.Run(report.figures(), link(htmlTwin(file),
                    perfgateDirectory), link(file, perfgateDirectory), error));
        }
        FrontendDetails details = new FrontendDetails(url, page.formFactor().label(), page.throttling().label(),
                version, runs, failure, page.maxSpread(), screenshot);
        return completed(page, details, 0);
    }

    private static Path htmlTwin(Path json) {
        String name = json.getFileName().toString();
        if (!name.endsWith(".json")) {
            return null;
        }
        Path html = json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".html");
        return Files.isRegularFile(html) ? html : null;
    }

    private static String link(Path file, Path perfgateDirectory) {
        if (file == null) {
            return null;
        }
        try {
            return perfgateDirectory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                    .toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toAbsolutePath().toString();
        }
    }

    /** A folder name for a page's reports: its name, with anything but letters, digits, '-' and '_' replaced. */
    static String fileName(String pageName) {
        String safe = pageName.replaceAll("[^A-Za-z0-9_-]", "_");
        // pages whose names differ only in replaced characters must not share a folder
        return safe.equals(pageName) ? safe : safe + "-" + ResultFiles.idHash(pageName).substring(0, 6);
    }
}
