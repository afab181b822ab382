package io.perfgate.core.frontend;

import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code perfgate:lighthouse} does, page by page: records the page as declared, measures it with Lighthouse
 * (or reads its saved reports), and records the result for {@code check}. The tools are looked up only when a
 * page needs Lighthouse run, so judging saved reports needs no browser.
 */
public final class PageMeasurement {

    /**
     * How to find the tools.
     *
     * @param cache       Lighthouse's install folder ({@link LighthouseTools#defaultCache()} by default)
     * @param chromePath  a browser executable, or null to use CHROME_PATH or the PATH
     * @param chromeFlags Chromium's flags, or null for {@link LighthouseRunner#defaultChromeFlags()}
     */
    public record Tooling(Path cache, String chromePath, String chromeFlags, Map<String, String> environment) {
    }

    private PageMeasurement() {
    }

    /**
     * Measures every page and writes one result per page into {@code <perfgateDirectory>/results}.
     *
     * @return the results written, in page order
     * @throws FrontendConfigurationException when a tool is missing or a saved report is unusable (nothing passes)
     */
    public static List<TestResult> measure(List<PageDefinition> pages, Tooling tooling, Path perfgateDirectory,
                                           Consumer<String> log) {
        Path results = perfgateDirectory.resolve("results");
        LighthouseRunner runner = null;
        List<TestResult> written = new ArrayList<>();
        for (PageDefinition page : pages) {
            TestResult result;
            if (!page.imported().isEmpty()) {
                result = FrontendResults.imported(page, perfgateDirectory);
            } else {
                if (runner == null) {
                    LighthouseTools tools = LighthouseTools.locate(tooling.cache(), tooling.chromePath(),
                            tooling.environment(), log);
                    runner = new LighthouseRunner(tools, tooling.chromeFlags(), perfgateDirectory, log);
                    log.accept("perfgate lighthouse: Lighthouse " + LighthouseTools.LIGHTHOUSE_VERSION + " from "
                            + tools.lighthouseCli() + ", browser " + tools.chrome() + ", flags " + runner.chromeFlags());
                }
                ResultFiles.write(results, FrontendResults.declared(page));
                long start = System.nanoTime();
                FrontendDetails details = runner.run(page);
                result = FrontendResults.completed(page, details, System.nanoTime() - start);
            }
            ResultFiles.write(results, result);
            written.add(result);
            FrontendDetails details = result.frontend();
            log.accept("perfgate lighthouse: " + page.name() + ": " + (details.failure() != null
                    ? "FAILED: " + details.failure() : summary(details)));
        }
        return written;
    }

    /** Median per metric, for the build log. */
    private static String summary(FrontendDetails details) {
        StringBuilder text = new StringBuilder();
        for (io.perfgate.core.gate.Metric metric : io.perfgate.core.gate.Metric.of(io.perfgate.core.gate.GateType.FRONTEND)) {
            double[] values = details.measuredRuns().stream().map(run -> run.metrics().get(metric.attribute()))
                    .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
            if (values.length > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(metric.label()).append(' ')
                        .append(metric.kind().format(MedianOfRuns.median(values)));
            }
        }
        int runs = details.measuredRuns().size();
        return text + (runs == 1 ? " (1 run)" : " (median of " + runs + " runs)");
    }
}
