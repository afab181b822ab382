package io.perfgate.maven;

import io.perfgate.core.baseline.BaselineComparator;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.certificate.Certificate;
import io.perfgate.core.certificate.CertificateIssuer;
import io.perfgate.core.certificate.CertificateWriters;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.gate.Level;
import io.perfgate.core.plan.PlanCheck;
import io.perfgate.core.plan.TestPlanFiles;
import io.perfgate.core.regression.Correction;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.recommend.Recommender;
import io.perfgate.core.report.ReportWriters;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.waiver.Waiver;
import io.perfgate.core.waiver.WaiverFile;
import io.perfgate.core.waiver.WaiverFileException;
import io.perfgate.core.waiver.Waivers;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges the module's recorded perf results, compares them with the project's baseline store when one
 * exists, writes the reports (index.html, summary.json, summary.md, TEST-perfgate.xml) and fails the build
 * on blocking gate violations and blocking regressions.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractPerfgateMojo {

    /** Fail the build on blocking violations; false reports them without failing. */
    @Parameter(property = "perfgate.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * Fail the build when a BLOCKING gate has no verdict (too few samples); false accepts INCONCLUSIVE for
     * every gate, as if each declared {@code allowInconclusive = true} (for quick smoke runs).
     */
    @Parameter(property = "perfgate.failOnInconclusive", defaultValue = "true")
    private boolean failOnInconclusive;

    /** The baseline store the results are compared with, when it exists ({@code perfgate:baseline} writes it). */
    @Parameter(property = "perfgate.baseline.directory", defaultValue = "${project.basedir}/.perfgate")
    private File baselineDirectory;

    /** Skip the comparison with the baseline (gates are still judged). */
    @Parameter(property = "perfgate.regression.skip", defaultValue = "false")
    private boolean skipRegression;

    /**
     * Allowed changes before a regression is reported: {@code metric=change} for every test or
     * {@code Test#method:metric=change} for one, comma-separated, such as {@code p50=+5%, OrderTest#create:p99=+80%}.
     * Defaults: p50 +10%, p95 +20%, p99 +50%, mean +10%, throughput -10%, JMH score 10% worse. CLS and TBT take an
     * absolute change in their unit (defaults {@code cls=+0.05, tbt=+100ms}); a percentage is rejected for them.
     */
    @Parameter(property = "perfgate.regression.allowed")
    private String regressionAllowed;

    /**
     * The metrics compared with the baseline, comma-separated. Default: p50, p95, p99, mean, throughput, score and,
     * for pages, every Lighthouse metric (fcp, lcp, cls, tbt, speed index, tti, performance score, total bytes,
     * javascript bytes, requests).
     */
    @Parameter(property = "perfgate.regression.metrics")
    private String regressionMetrics;

    /** How p-values are corrected across all comparisons: HOLM, BENJAMINI_HOCHBERG or NONE. */
    @Parameter(property = "perfgate.regression.correction", defaultValue = "HOLM")
    private String regressionCorrection;

    /** Replicates a side at which an undecided comparison stops asking for reruns and stays INCONCLUSIVE. */
    @Parameter(property = "perfgate.regression.maxReplicates", defaultValue = "40")
    private int regressionMaxReplicates;

    /** Level of a regression in a test without a gate of the metric's type: BLOCKING, WARNING or ADVISORY. */
    @Parameter(property = "perfgate.regression.level", defaultValue = "BLOCKING")
    private String regressionLevel;

    /**
     * Print every undecided (INCONCLUSIVE) comparison with the baseline; by default they are summarised by
     * reason with a few examples, and every one is in the reports.
     */
    @Parameter(property = "perfgate.regression.details", defaultValue = "false")
    private boolean regressionDetails;

    /** Level of trend alerts (change points, 3 consecutive degradations): BLOCKING, WARNING or ADVISORY. */
    @Parameter(property = "perfgate.trend.level", defaultValue = "WARNING")
    private String trendLevel;

    /** Keep each run in the baseline store's history (once the project has a baseline store). */
    @Parameter(property = "perfgate.history", defaultValue = "true")
    private boolean history;

    /** History runs older than this many days are deleted. */
    @Parameter(property = "perfgate.history.maxAgeDays", defaultValue = "30")
    private int historyMaxAgeDays;

    /** At most this many history runs are kept, the newest. */
    @Parameter(property = "perfgate.history.maxRuns", defaultValue = "200")
    private int historyMaxRuns;

    /** The perfgate profile the results were measured with; part of the fingerprint compared. */
    @Parameter(property = "perfgate.profile")
    private String profile;

    /**
     * Approved exceptions: each names a test (and gate or metric), a reason, an approver and an expiry date. A
     * waived violation is reported as WAIVED and does not fail the build. Default: {@code waivers.yaml} in the
     * baseline directory ({@code .perfgate/}), so a multi-module build that keeps one store keeps one file.
     */
    @Parameter(property = "perfgate.waivers")
    private File waiversFile;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        OutputDirectory output = output();
        StepTimes times = new StepTimes();
        List<TestResult> results;
        try {
            results = new ArrayList<>(ResultFiles.readAll(output.results()));
            // a planned gated test without a result (a killed JVM, a full disk) fails instead of vanishing
            results.addAll(PlanCheck.missing(TestPlanFiles.readAll(output.plans()), results, output.results()));
            times.step("read " + results.size() + " results");
        } catch (ResultFileException e) {
            throw new MojoExecutionException("perfgate: cannot judge " + e.file() + ": " + e.getMessage()
                    + " (delete it, or run the tests again to record it anew)", e);
        }
        if (results.isEmpty()) {
            getLog().info("perfgate: no perfgate results in " + output.results()
                    + " (no gated test ran in this module); nothing to check");
            return;
        }
        String location = output.reportLocation(project().getBasedir().toPath());
        CheckReport report;
        List<Path> written;
        try {
            report = CheckReport.of(projectName(), location, results, failOnInconclusive);
            times.step("judged");
            BaselineComparison comparison = compareWithBaseline(results);
            if (comparison != null) {
                report = report.withBaseline(comparison);
            }
            times.step("compared with the baseline");
            report = applyWaivers(report);
            report = report.withRecommendations(Recommender.defaults().recommend(report));
            times.step("waivers and recommendations");
            written = new ArrayList<>(ReportWriters.writeAll(report, output.directory()));
            times.step("reports written");
            written.addAll(issueCertificate(report, output));
            times.step("certificate");
        } catch (ResultFileException | InvalidGateException | WaiverFileException | UncheckedIOException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
        appendStepSummary(written, report, output);
        getLog().debug("perfgate: check's steps: " + times);

        CheckSummary summary = new CheckSummary(report, output.htmlReport().toAbsolutePath().toString(),
                regressionDetails);
        summary.lines().forEach(this::log);
        if (report.hasBlockingViolations()) {
            if (failOnViolation) {
                throw new MojoFailureException(summary.failureMessage());
            }
            getLog().warn("perfgate: " + report.blockingMessages().size()
                    + " blocking violation(s) do not fail the build: perfgate.failOnViolation is false");
        }
    }

    /** The report with the project's waivers applied; a waiver that met no blocking violation is a warning. */
    private CheckReport applyWaivers(CheckReport report) {
        Path file = waiversFile().toPath();
        List<Waiver> waivers = WaiverFile.read(file, OutputDirectory.shown(file, project().getBasedir().toPath()));
        Waivers.Applied applied = Waivers.apply(report, waivers, LocalDate.now());
        for (Waiver stale : applied.unmatched()) {
            getLog().warn("perfgate: the waiver for " + stale.target() + " (" + stale.source() + ") matches no"
                    + " blocking violation: delete it, or correct its test, gate or metric");
        }
        return applied.report();
    }

    /** certificate.json and certificate.md, for passing and failing builds alike. */
    private List<Path> issueCertificate(CheckReport report, OutputDirectory output) {
        Certificate certificate = CertificateIssuer.issue(report, new CertificateIssuer.Inputs(
                new Certificate.Project(projectName(), project().getGroupId(), project().getArtifactId(),
                        project().getVersion()),
                project().getBasedir().toPath(), output.results(), baselineDirectory.toPath(), waiversFile().toPath(),
                profile, report.generatedAt()));
        List<Path> files = CertificateWriters.writeAll(certificate, output.directory());
        getLog().info("perfgate: certificate (" + certificate.status() + ", " + certificate.files().size()
                + " files digested): " + files.get(1));
        return files;
    }

    private File waiversFile() {
        return waiversFile != null ? waiversFile : new File(baselineDirectory, WaiverFile.DEFAULT_NAME);
    }

    /**
     * The comparison with the baseline store, or null when skipped: by {@code perfgate.regression.skip}, or
     * because {@code perfgate:baseline} runs in this build and is about to replace the baseline.
     */
    private BaselineComparison compareWithBaseline(List<TestResult> results) throws MojoExecutionException {
        if (skipRegression) {
            getLog().info("perfgate: comparison with the baseline skipped (perfgate.regression.skip)");
            return null;
        }
        if (baselineRequested()) {
            getLog().info("perfgate: perfgate:baseline runs in this build, so the results are not compared with"
                    + " the baseline it replaces");
            return null;
        }
        BaselineComparator.Settings settings;
        try {
            RegressionPolicy policy = RegressionPolicy.defaults()
                    .withAllowed(regressionAllowed, "perfgate.regression.allowed")
                    .withCorrection(option(Correction.class, regressionCorrection, "perfgate.regression.correction"))
                    .withMaxReplicates(regressionMaxReplicates);
            settings = BaselineComparator.Settings.defaults()
                    .withPolicy(policy)
                    .withMetrics(metrics(regressionMetrics))
                    .withLevels(option(Level.class, regressionLevel, "perfgate.regression.level"),
                            option(Level.class, trendLevel, "perfgate.trend.level"))
                    .withHistory(history, Duration.ofDays(historyMaxAgeDays), historyMaxRuns);
        } catch (InvalidGateException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
        BaselineStore store = new BaselineStore(baselineDirectory.toPath());
        SourceVersion version = SourceVersion.detect(project().getBasedir().toPath(), System.getenv());
        return new BaselineComparator(store, settings).compare(results, version, profile, Instant.now());
    }

    /** Whether {@code perfgate:baseline} (by prefix or full coordinates) is among this build's goals. */
    private boolean baselineRequested() {
        return ReactorModules.named(session, "baseline");
    }

    private static Set<RegressionMetric> metrics(String text) {
        if (text == null || text.isBlank()) {
            return BaselineComparator.Settings.defaults().metrics();
        }
        Set<RegressionMetric> metrics = EnumSet.noneOf(RegressionMetric.class);
        for (String item : text.split(",")) {
            String label = item.strip();
            if (label.isEmpty()) {
                continue;
            }
            if (label.equalsIgnoreCase("score")) {
                metrics.add(RegressionMetric.SCORE_TIME);
                metrics.add(RegressionMetric.SCORE_RATE);
            } else {
                metrics.add(RegressionMetric.fromLabel(label, "perfgate.regression.metrics"));
            }
        }
        return metrics;
    }

    /** An enum option as users type it (any case); an {@link InvalidGateException} naming the property otherwise. */
    static <E extends Enum<E>> E option(Class<E> type, String value, String property) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidGateException(property + " = '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * A convenience for CI pages: failing to write it is reported, but decides nothing. When
     * {@code report-aggregate} runs in this build it writes the page once for every module, so a module
     * appends its own only when it is about to fail the build (which may stop before the aggregate).
     */
    private void appendStepSummary(List<Path> written, CheckReport report, OutputDirectory output) {
        try {
            Files.deleteIfExists(output.directory().resolve(StepSummary.APPENDED_MARKER));
        } catch (IOException e) {
            getLog().debug("perfgate: cannot remove an earlier build's " + StepSummary.APPENDED_MARKER + ": " + e);
        }
        String target = System.getenv(StepSummary.VARIABLE);
        if (target == null || target.isBlank()) {
            return;
        }
        boolean deferred = ReactorModules.aggregateRuns(session);
        if (deferred && !(failOnViolation && report.hasBlockingViolations())) {
            getLog().debug("perfgate: report-aggregate writes " + StepSummary.VARIABLE + " for every module");
            return;
        }
        Path markdown = written.stream().filter(file -> file.getFileName().toString().equals("summary.md"))
                .findFirst().orElse(null);
        if (markdown == null) {
            getLog().warn("perfgate: no summary.md was written, so " + StepSummary.VARIABLE + " gets nothing");
            return;
        }
        try {
            StepSummary.append(Path.of(target), Files.readString(markdown, StandardCharsets.UTF_8));
            if (deferred) {
                Files.writeString(output.directory().resolve(StepSummary.APPENDED_MARKER), target);
            }
        } catch (IOException e) {
            getLog().warn("perfgate: cannot append the summary to " + target + " (" + StepSummary.VARIABLE + "): " + e);
        }
    }

    private String projectName() {
        String name = project().getName();
        return name == null || name.isBlank() ? project().getArtifactId() : name;
    }

    /** How long each step of the check took, for -X: where the time goes on a large project. */
    private static final class StepTimes {
        private final StringBuilder steps = new StringBuilder();
        private long last = System.nanoTime();

        void step(String name) {
            long now = System.nanoTime();
            steps.append(steps.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return steps.toString();
        }
    }
}
