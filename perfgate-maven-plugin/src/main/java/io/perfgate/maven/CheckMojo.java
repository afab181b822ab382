package io.perfgate.maven;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.report.ReportWriters;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Judges the module's recorded perf results, writes the reports (index.html, summary.json, summary.md,
 * TEST-perfgate.xml) and fails the build on blocking gate violations.
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

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        OutputDirectory output = output();
        List<TestResult> results;
        try {
            results = ResultFiles.readAll(output.results());
        } catch (ResultFileException e) {
            throw new MojoExecutionException("perfgate: cannot judge " + e.file() + ": " + e.getMessage()
                    + " (delete it, or run the tests again to record it anew)", e);
        }
        if (results.isEmpty()) {
            getLog().info("perfgate: no perfgate results in " + output.results()
                    + " (no gated test ran in this module); nothing to check");
            return;
        }
        if (!failOnInconclusive) {
            results = InconclusivePolicy.allowEverywhere(results);
        }
        String location = output.reportLocation(project().getBasedir().toPath());
        CheckReport report;
        List<Path> written;
        try {
            report = CheckReport.of(projectName(), location, results);
            written = ReportWriters.writeAll(report, output.directory());
        } catch (ResultFileException | InvalidGateException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
        appendStepSummary(written);

        CheckSummary summary = new CheckSummary(report, output.htmlReport().toAbsolutePath().toString());
        for (CheckSummary.Line line : summary.lines()) {
            switch (line.severity()) {
                case ERROR -> getLog().error(line.text());
                case WARN -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
        if (report.hasBlockingViolations()) {
            if (failOnViolation) {
                throw new MojoFailureException(summary.failureMessage());
            }
            getLog().warn("perfgate: " + report.blockingViolations().size()
                    + " blocking violation(s) do not fail the build: perfgate.failOnViolation is false");
        }
    }

    /** A convenience for CI pages: failing to write it is reported, but decides nothing. */
    private void appendStepSummary(List<Path> written) {
        String target = System.getenv(StepSummary.VARIABLE);
        if (target == null || target.isBlank()) {
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
        } catch (IOException e) {
            getLog().warn("perfgate: cannot append the summary to " + target + " (" + StepSummary.VARIABLE + "): " + e);
        }
    }

    private String projectName() {
        String name = project().getName();
        return name == null || name.isBlank() ? project().getArtifactId() : name;
    }
}
