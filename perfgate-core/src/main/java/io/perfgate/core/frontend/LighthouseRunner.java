package io.perfgate.core.frontend;

import io.perfgate.core.result.FrontendDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the Lighthouse CLI on a page, once per run, in its own headless Chromium, and keeps every run's JSON and
 * HTML report under {@code <perfgate dir>/lighthouse/<page>/}. Runs are sequential: they compete for the CPU.
 */
public final class LighthouseRunner {

    /**
     * Chromium's flags when the user gives none. {@code --no-sandbox} is added when running as root, where
     * Chromium's sandbox refuses to start (containers, CI); {@code --disable-dev-shm-usage} because containers'
     * /dev/shm is small.
     */
    public static final String DEFAULT_CHROME_FLAGS = "--headless=new --disable-gpu --disable-dev-shm-usage";
    static final long RUN_TIMEOUT_SECONDS = 180;

    private final LighthouseTools tools;
    private final String chromeFlags;
    private final Path perfgateDirectory;
    private final Consumer<String> log;

    /**
     * @param chromeFlags       Chromium's flags, or null for {@link #DEFAULT_CHROME_FLAGS} (plus --no-sandbox as root)
     * @param perfgateDirectory {@code target/perfgate}; reports go into its {@code lighthouse/} folder
     */
    public LighthouseRunner(LighthouseTools tools, String chromeFlags, Path perfgateDirectory, Consumer<String> log) {
        this.tools = tools;
        this.chromeFlags = chromeFlags == null || chromeFlags.isBlank() ? defaultChromeFlags() : chromeFlags.strip();
        this.perfgateDirectory = perfgateDirectory;
        this.log = log;
    }

    public static String defaultChromeFlags() {
        return DEFAULT_CHROME_FLAGS + (LighthouseTools.runningAsRoot() ? " --no-sandbox" : "");
    }

    public String chromeFlags() {
        return chromeFlags;
    }

    /** Measures the page; a run that fails stops the page, with Lighthouse's message as the failure. */
    public FrontendDetails run(PageDefinition page) {
        Path folder = perfgateDirectory.resolve("lighthouse").resolve(FrontendResults.fileName(page.name()));
        List<FrontendDetails.Run> runs = new ArrayList<>();
        String failure = null;
        String version = null;
        String screenshot = null;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new FrontendConfigurationException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        for (int run = 1; run <= page.runs() && failure == null; run++) {
            Path base = folder.resolve("run-" + run);
            log.accept("perfgate lighthouse: " + page.name() + " run " + run + "/" + page.runs() + ": " + page.url());
            Outcome outcome = runOnce(page, base);
            Path json = base.resolveSibling(base.getFileName() + ".report.json");
            Path html = base.resolveSibling(base.getFileName() + ".report.html");
            LighthouseReport report = null;
            if (Files.isRegularFile(json)) {
                try {
                    report = LighthouseReport.read(json);
                } catch (FrontendConfigurationException e) {
                    outcome = new Outcome(outcome.exitCode(), outcome.output() + " | " + e.getMessage());
                }
            }
            String error;
            if (report == null) {
                error = "Lighthouse wrote no report for " + page.url() + " (exit " + outcome.exitCode() + "): "
                        + LighthouseTools.tail(outcome.output());
            } else {
                error = report.failure(page.url());
                version = report.lighthouseVersion();
                screenshot = report.screenshot() != null ? report.screenshot() : screenshot;
            }
            runs.add(new FrontendDetails.Run(report == null ? Map.of() : report.figures(),
                    relative(html), relative(json), error));
            failure = error;
        }
        return new FrontendDetails(page.url().toString(), page.formFactor().label(), page.throttling().label(),
                version, runs, failure, page.maxSpread(), screenshot);
    }

    private record Outcome(int exitCode, String output) {
    }

    private Outcome runOnce(PageDefinition page, Path base) {
        List<String> command = new ArrayList<>(List.of(tools.node().toString(), tools.lighthouseCli().toString(),
                page.url().toString(), "--output=json", "--output=html", "--output-path=" + base,
                "--only-categories=performance", "--chrome-flags=" + chromeFlags, "--quiet"));
        command.addAll(page.formFactor().arguments());
        command.addAll(page.throttling().arguments());
        try {
            Path output = Files.createTempFile("perfgate-lighthouse", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.put("CHROME_PATH", tools.chrome().toString());
            Process process = builder.start();
            boolean finished = process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            return finished ? new Outcome(process.exitValue(), text)
                    : new Outcome(-1, "no result within " + RUN_TIMEOUT_SECONDS + " s; " + text);
        } catch (IOException e) {
            return new Outcome(-1, "cannot run " + command.get(0) + " " + command.get(1) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    private String relative(Path file) {
        return Files.isRegularFile(file) ? perfgateDirectory.relativize(file).toString().replace('\\', '/') : null;
    }

    /** Environment of this JVM, for {@link LighthouseTools#locate}. */
    public static Map<String, String> environment() {
        return new HashMap<>(System.getenv());
    }
}
