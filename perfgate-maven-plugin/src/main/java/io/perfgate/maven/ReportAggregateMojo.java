package io.perfgate.maven;

import io.perfgate.core.aggregate.AggregateReport;
import io.perfgate.core.aggregate.ModuleReport;
import io.perfgate.core.result.ResultFileException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One report for a multi-module build, listing every module with its verdicts and a link to its own report
 * (as JaCoCo's report-aggregate). Declare it in the parent's {@code <build><plugins>} next to prepare and
 * check: every module inherits it, and it acts once, in the reactor's last module, after every module's
 * {@code check} has judged its own results. It writes {@code index.html} and {@code summary.md} into
 * {@code target/perfgate-aggregate} of the build's top-level project, and the CI job summary
 * ({@code GITHUB_STEP_SUMMARY}) once for the whole build. It decides nothing and fails nothing.
 */
@Mojo(name = "report-aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportAggregateMojo extends AbstractPerfgateMojo {

    /** Where the aggregate report is written; by default {@code target/perfgate-aggregate} of the top-level project. */
    @Parameter(property = "perfgate.aggregate.directory")
    private File aggregateDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    protected void doExecute() throws MojoExecutionException {
        if (!ReactorModules.isLast(session, project())) {
            getLog().debug("perfgate: report-aggregate acts in the reactor's last module, "
                    + ReactorModules.last(session).getArtifactId());
            return;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject()
                : session.getProjects().get(0);
        Path directory = aggregateDirectory != null ? aggregateDirectory.toPath()
                : Path.of(top.getBuild().getDirectory(), "perfgate-aggregate");
        List<ModuleReport> modules = new ArrayList<>();
        List<String> summarised = new ArrayList<>();
        for (MavenProject module : session.getProjects()) {
            Path perfgate = Path.of(module.getBuild().getDirectory(), "perfgate");
            String link = directory.toAbsolutePath().normalize()
                    .relativize(perfgate.resolve("index.html").toAbsolutePath().normalize()).toString()
                    .replace(File.separatorChar, '/');
            ModuleReport report = ModuleReport.read(name(module), link, perfgate);
            // an aggregator or parent pom without perf tests is no module worth a row
            if ("pom".equals(module.getPackaging()) && report.state() == ModuleReport.State.NO_PERF_TESTS) {
                continue;
            }
            modules.add(report);
            if (Files.exists(perfgate.resolve(StepSummary.APPENDED_MARKER))) {
                summarised.add(report.name());
            }
        }
        AggregateReport aggregate = new AggregateReport(name(top), modules);
        try {
            aggregate.write(directory);
        } catch (ResultFileException e) {
            throw new MojoExecutionException("perfgate: cannot write the aggregate report: " + e.getMessage(), e);
        }
        getLog().info(aggregate.headline());
        getLog().info("Aggregate report: " + directory.resolve("index.html").toAbsolutePath());
        appendStepSummary(aggregate.markdown(summarised));
    }

    private void appendStepSummary(String markdown) {
        String target = System.getenv(StepSummary.VARIABLE);
        if (target == null || target.isBlank()) {
            return;
        }
        try {
            StepSummary.append(Path.of(target), markdown);
        } catch (IOException e) {
            getLog().warn("perfgate: cannot append the summary to " + target + " (" + StepSummary.VARIABLE + "): " + e);
        }
    }

    private static String name(MavenProject project) {
        return project.getName() == null || project.getName().isBlank() ? project.getArtifactId() : project.getName();
    }
}
