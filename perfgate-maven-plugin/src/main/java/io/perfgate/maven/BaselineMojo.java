package io.perfgate.maven;

import io.perfgate.core.baseline.Acceptance;
import io.perfgate.core.baseline.BaselineFileException;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.ComparedUnit;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.baseline.TestBaseline;
import io.perfgate.core.regression.ChangeText;
import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Stores the module's current perf results as its baseline in the project's baseline store
 * ({@code .perfgate/}, meant to be committed), or, with {@code perfgate.accept}, accepts the current
 * value of named metrics as their new baseline with a recorded reason. Run it after the tests:
 * {@code mvn verify perfgate:baseline}.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractPerfgateMojo {

    /** The baseline store: one file per test under {@code baselines/}, the run history under {@code history/}. */
    @Parameter(property = "perfgate.baseline.directory", defaultValue = "${project.basedir}/.perfgate")
    private File baselineDirectory;

    /**
     * Accept intentional changes instead of recording everything: {@code Test#method:metric} (as the report
     * labels them), for example {@code OrderTest#create:p95}, or {@code OrderTest#create:*} for every metric of
     * the test; several separated by commas or semicolons. Needs {@code perfgate.reason}.
     */
    @Parameter(property = "perfgate.accept")
    private String accept;

    /** Why the accepted change is intended; written into the baseline file. */
    @Parameter(property = "perfgate.reason")
    private String reason;

    /** Replace baseline files that cannot be read (corrupt, or written by a newer perfgate). */
    @Parameter(property = "perfgate.baseline.force", defaultValue = "false")
    private boolean force;

    /** The perfgate profile the results were measured with; part of the baseline's fingerprint. */
    @Parameter(property = "perfgate.profile")
    private String profile;

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        Path resultsDirectory = output().results();
        List<TestResult> results;
        try {
            results = ResultFiles.readAll(resultsDirectory);
        } catch (ResultFileException e) {
            throw new MojoExecutionException("perfgate: cannot record a baseline from " + e.getMessage()
                    + " (delete it, or run the tests again to record it anew)", e);
        }
        if (results.isEmpty()) {
            getLog().warn("perfgate: no perfgate results in " + resultsDirectory + ", so no baseline was recorded;"
                    + " run the tests first: mvn verify perfgate:baseline");
            return;
        }
        BaselineStore store = new BaselineStore(baselineDirectory.toPath());
        SourceVersion version = SourceVersion.detect(project().getBasedir().toPath(), System.getenv());
        Instant now = Instant.now();
        try {
            if (accept != null && !accept.isBlank()) {
                accept(store, results, version, now);
            } else {
                record(store, results, version, now);
            }
        } catch (BaselineFileException e) {
            throw new MojoFailureException("perfgate: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("perfgate: " + e.getMessage(), e);
        }
    }

    private void record(BaselineStore store, List<TestResult> results, SourceVersion version, Instant now) {
        BaselineStore.RecordSummary summary = store.record(results, version, profile, now, force);
        summary.skipped().forEach(line -> getLog().warn("perfgate: not recorded: " + line));
        if (summary.tests().isEmpty()) {
            getLog().warn("perfgate: recorded no baseline in " + store.baselineDirectory()
                    + (summary.skipped().isEmpty() ? "" : ": every result was left out, as said above"));
            return;
        }
        getLog().info("perfgate: recorded the baseline of " + summary.tests().size()
                + (summary.tests().size() == 1 ? " test" : " tests") + " (" + version.shortCommit() + ") in "
                + store.baselineDirectory() + "; commit it so that builds compare with it");
    }

    private void accept(BaselineStore store, List<TestResult> results, SourceVersion version, Instant now)
            throws MojoFailureException {
        if (reason == null || reason.isBlank()) {
            throw new MojoFailureException("perfgate: -Dperfgate.accept=" + accept + " needs a reason:"
                    + " -Dperfgate.reason=\"why the change is intended\"; it is kept in the baseline file");
        }
        List<ComparedUnit> units = ComparedUnit.ofAll(results);
        for (String item : accept.split("[,;]")) {
            String wanted = item.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            int colon = wanted.lastIndexOf(':');
            if (colon <= 0 || colon == wanted.length() - 1) {
                throw new MojoFailureException("perfgate: cannot read '" + wanted + "' in perfgate.accept; expected"
                        + " Test#method:metric, such as OrderTest#create:p95");
            }
            String label = wanted.substring(0, colon).strip();
            String metric = wanted.substring(colon + 1).strip();
            ComparedUnit unit = units.stream().filter(candidate -> candidate.label().equals(label)).findFirst()
                    .orElse(null);
            if (unit == null) {
                getLog().warn("perfgate: " + label + " is not among this module's results ("
                        + units.stream().map(ComparedUnit::label).toList() + "); nothing accepted for it here");
                continue;
            }
            List<String> metrics = List.of(metric);
            if (metric.equals("*")) {
                TestBaseline existing = store.read(unit.result().id()).orElseThrow(() -> new BaselineFileException(
                        store.fileFor(unit.result().id()), label + " has no baseline to accept a change into;"
                        + " record one first (mvn verify perfgate:baseline)", null));
                metrics = List.copyOf(existing.metricsOf(unit.scope()).keySet());
            }
            for (String name : metrics) {
                TestBaseline updated = store.accept(unit, name, reason, version, profile, now);
                Acceptance acceptance = updated.acceptances().get(updated.acceptances().size() - 1);
                getLog().info("perfgate: accepted " + label + ":" + name + " as its new baseline"
                        + change(name, acceptance)
                        + ", because: " + reason.strip() + " (" + store.fileFor(unit.result().id()) + ")");
            }
        }
    }

    /**
     * {@code " (+12%)"}, or in the unit for an absolute metric: {@code " (+0.08)"}; empty without a previous value.
     * The label names a regression metric: {@link BaselineStore#accept} has just accepted it as one.
     */
    private static String change(String metricLabel, Acceptance acceptance) {
        if (acceptance.previousValue() == null) {
            return "";
        }
        RegressionMetric metric = RegressionMetric.fromLabel(metricLabel, "perfgate.accept");
        return " (" + ChangeText.between(metric, acceptance.previousValue(), acceptance.acceptedValue()) + ")";
    }
}
