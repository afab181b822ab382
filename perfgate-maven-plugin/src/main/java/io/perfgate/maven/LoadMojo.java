package io.perfgate.maven;

import io.perfgate.core.importer.ImportException;
import io.perfgate.core.importer.IntervalLogWriter;
import io.perfgate.core.load.LoadConfigurationException;
import io.perfgate.core.load.LoadTestDefinition;
import io.perfgate.core.load.LoadTestOutcome;
import io.perfgate.core.load.LoadTestRunner;
import io.perfgate.core.load.ScenarioFile;
import io.perfgate.core.load.ServiceProbe;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.gate.QuantityKind;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the HTTP load scenarios of a file (YAML or JSON; format in
 * {@link io.perfgate.core.load.ScenarioFile}) against a running service, and records one result per scenario
 * for {@code check} to judge, like the results of gated tests. Bind it to integration-test with the service
 * started in pre-integration-test. A file that cannot be read is a build error naming the file and field; a
 * service that cannot be reached is recorded as failed, so {@code check} fails the build: never a pass.
 */
@Mojo(name = "load", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class LoadMojo extends TestRunMojo {

    /** The scenario file. */
    @Parameter(property = "perfgate.load.scenarios", defaultValue = "${project.basedir}/src/test/perfgate/load.yaml")
    private File scenarios;

    /** Replaces the file's baseUrl, for a port known only at build time: {@code http://127.0.0.1:${service.port}}. */
    @Parameter(property = "perfgate.load.baseUrl")
    private String baseUrl;

    /** How long to wait for the service to accept connections before the first scenario, such as 30s. */
    @Parameter(property = "perfgate.load.waitForService", defaultValue = "30s")
    private String waitForService;

    /** Runs only these scenarios (comma-separated names); all when empty. */
    @Parameter(property = "perfgate.load.only")
    private String only;

    @Parameter(property = "perfgate.load.skip", defaultValue = "false")
    private boolean skipGoal;

    @Override
    protected void doExecute() throws MojoExecutionException {
        String skippedBy = skippedBy(skipGoal, "perfgate.load.skip");
        if (skippedBy != null) {
            getLog().info("perfgate: no load scenarios run (" + skippedBy + ")");
            return;
        }
        Path file = scenarios.toPath();
        List<LoadTestDefinition> definitions;
        Duration patience;
        try {
            definitions = ScenarioFile.read(file, baseUrl);
            patience = Duration.ofNanos(Math.round(QuantityKind.DURATION.parse(waitForService,
                    "perfgate.load.waitForService")));
        } catch (LoadConfigurationException | io.perfgate.core.gate.InvalidGateException e) {
            throw new MojoExecutionException("perfgate load: " + e.getMessage(), e);
        }
        if (only != null && !only.isBlank()) {
            Set<String> names = Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
            List<String> known = definitions.stream().map(LoadTestDefinition::methodName).toList();
            for (String name : names) {
                if (!known.contains(name)) {
                    throw new MojoExecutionException("perfgate load: perfgate.load.only names '" + name
                            + "', which " + file + " does not declare; its scenarios are " + known);
                }
            }
            definitions = definitions.stream().filter(definition -> names.contains(definition.methodName())).toList();
        }
        Path results = output().results();
        int failed = 0;
        for (LoadTestDefinition definition : definitions) {
            try {
                ResultFiles.write(results, LoadTestRunner.declared(definition));
                if (!ServiceProbe.awaitReachable(definition.scenario(), patience)) {
                    getLog().error("perfgate load: " + definition.scenario().baseUri() + " accepted no connection within "
                            + waitForService + " (perfgate.load.waitForService)");
                }
                LoadTestOutcome outcome = LoadTestRunner.run(definition, getLog()::info);
                ResultFiles.write(results, outcome.result());
                writeIntervalLog(outcome);
                if (outcome.failure() != null) {
                    failed++;
                    getLog().error("perfgate load: scenario '" + definition.methodName() + "' of " + file.getFileName()
                            + " could not run: " + outcome.failure());
                }
            } catch (LoadConfigurationException e) {
                throw new MojoExecutionException("perfgate load: " + e.getMessage(), e);
            } catch (ResultFileException e) {
                throw new MojoExecutionException("perfgate load: cannot record " + definition.methodName() + ": "
                        + e.getMessage(), e);
            }
        }
        getLog().info("perfgate load: recorded " + definitions.size() + " scenario" + (definitions.size() == 1 ? "" : "s")
                + " of " + file.getFileName() + " in " + results + (failed > 0 ? " (" + failed + " could not run)" : "")
                + "; check judges them");
    }

    /**
     * The run the result's figures come from (for a stress test the last step that held, not the one that broke
     * after it) as an HdrHistogram interval log, so runs of several generators can be merged (perfgate:import).
     */
    private void writeIntervalLog(LoadTestOutcome outcome) {
        io.perfgate.core.load.LoadRun run = outcome.measured();
        if (run == null) {
            return;
        }
        Path log = output().directory().resolve("intervals").resolve(IntervalLogWriter.fileName(run.scenario()));
        try {
            IntervalLogWriter.write(run, log);
        } catch (ImportException e) {
            getLog().warn("perfgate load: " + e.getMessage());
        }
    }
}
