package io.perfgate.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;

/**
 * Base of every perfgate goal: binds what all goals share and handles {@code perfgate.skip} in one place.
 * Goals implement {@link #doExecute()}; the work itself lives in perfgate-core.
 */
public abstract class AbstractPerfgateMojo extends AbstractMojo {

    /** Skips every perfgate goal: nothing is recorded, judged or written. */
    @Parameter(property = "perfgate.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The module's perfgate directory: results in {@code results/}, reports beside them. */
    @Parameter(defaultValue = "${project.build.directory}/perfgate", readonly = true, required = true)
    private File outputDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip)");
            whenSkipped();
            return;
        }
        doExecute();
    }

    /** The goal's work, when not skipped. */
    protected abstract void doExecute() throws MojoExecutionException, MojoFailureException;

    /** What a goal must still do when skipped; nothing by default. */
    protected void whenSkipped() throws MojoExecutionException {
    }

    protected MavenProject project() {
        return project;
    }

    OutputDirectory output() {
        return new OutputDirectory(outputDirectory.toPath());
    }

    /** Prints a summary line ({@link CheckSummary}, {@link CompareSummary}) at its severity. */
    void log(CheckSummary.Line line) {
        switch (line.severity()) {
            case ERROR -> getLog().error(line.text());
            case WARN -> getLog().warn(line.text());
            case INFO -> getLog().info(line.text());
        }
    }
}
