package io.perfgate.maven;

import io.perfgate.core.importer.ImportDefinition;
import io.perfgate.core.importer.ImportFile;
import io.perfgate.core.importer.Importer;
import io.perfgate.core.load.LoadConfigurationException;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports the results of other load engines (JMeter JTL, k6, Gatling, HdrHistogram interval logs) as perfgate
 * load results, one per import of the file (format in {@link io.perfgate.core.importer.ImportFile}), for
 * {@code check} to judge, baseline and report like {@code perfgate:load}'s. A goal of its own rather than
 * {@code check} configuration: recording stays apart from judging, so {@code baseline} and {@code check} see imported
 * results as files like any other. Bound to post-integration-test, after the engine ran in integration-test. A file
 * that cannot be read is recorded as unmeasured with the reason, so {@code check} fails naming it: never a pass.
 */
@Mojo(name = "import", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class ImportMojo extends AbstractPerfgateMojo {

    /** The import file (YAML or JSON). */
    @Parameter(property = "perfgate.import.file", defaultValue = "${project.basedir}/src/test/perfgate/import.yaml")
    private File importFile;

    @Override
    protected void doExecute() throws MojoExecutionException {
        List<ImportDefinition> definitions;
        try {
            definitions = ImportFile.read(importFile.toPath());
        } catch (LoadConfigurationException e) {
            throw new MojoExecutionException("perfgate import: " + e.getMessage(), e);
        }
        Path results = output().results();
        Path project = project() != null ? project().getBasedir().toPath() : importFile.toPath().getParent();
        int failed = 0;
        for (ImportDefinition definition : definitions) {
            Importer.Outcome outcome = Importer.run(definition, project);
            try {
                ResultFiles.write(results, outcome.result());
            } catch (ResultFileException e) {
                throw new MojoExecutionException("perfgate import: cannot record " + definition.name() + ": "
                        + e.getMessage(), e);
            }
            if (outcome.failure() != null) {
                failed++;
                getLog().error("perfgate import '" + definition.name() + "': " + outcome.failure());
            } else {
                outcome.summary().lines().forEach(getLog()::info);
            }
        }
        getLog().info("perfgate import: recorded " + definitions.size() + " import" + (definitions.size() == 1 ? "" : "s")
                + " of " + importFile.getName() + " in " + results + (failed > 0 ? " (" + failed + " unreadable)" : "")
                + "; check judges them");
    }
}
