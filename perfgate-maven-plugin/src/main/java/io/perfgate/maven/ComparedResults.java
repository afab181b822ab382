package io.perfgate.maven;

import io.perfgate.core.compare.CompareAnalysis;
import io.perfgate.core.compare.ServiceForkRunner;
import io.perfgate.core.load.LoadPlan;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Head's gated JUnit tests, JMH benchmark runs and load scenarios, as this build's test phase, perfgate:jmh and
 * perfgate:load recorded them: what perfgate:compare measures again.
 */
record ComparedResults(List<TestResult> tests, List<TestResult> benchmarks, List<TestResult> scenarios) {

    /** Set in the build's session once a module compared something, so a module without any need not. */
    private static final String COMPARED_IN_REACTOR = ComparedResults.class.getName() + ".compared";

    boolean isEmpty() {
        return tests.isEmpty() && benchmarks.isEmpty() && scenarios.isEmpty();
    }

    /** {@code 2 gated test(s), 1 gated benchmark run(s)}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!tests.isEmpty()) {
            parts.add(tests.size() + " gated test(s)");
        }
        if (!benchmarks.isEmpty()) {
            parts.add(benchmarks.size() + " gated benchmark run(s)");
        }
        if (!scenarios.isEmpty()) {
            parts.add(scenarios.size() + " gated load scenario(s)");
        }
        return String.join(", ", parts);
    }

    /**
     * What the results directory holds. Load scenarios count only when they come from the scenario file, compare
     * can start the service and their plan drives both versions alike; the others, @LoadTest and imported results,
     * and gated Lighthouse pages are named in a warning. None in one module of a multi-module build is fine (an
     * aggregator, a module without perf tests) as long as some module had them; none anywhere is an error, never a
     * pass.
     *
     * @param scenarioPlans the scenario file's plans by result id; empty without the file
     * @param serviceSet    whether perfgate.compare.service is set
     */
    static ComparedResults read(Path results, Map<String, LoadPlan> scenarioPlans, boolean serviceSet,
                                MavenSession session, MavenProject project, Log log) throws MojoExecutionException {
        List<TestResult> all;
        try {
            all = ResultFiles.readAll(results);
        } catch (ResultFileException e) {
            throw new MojoExecutionException("perfgate:compare: " + e.getMessage(), e);
        }
        List<TestResult> scenarios = CompareAnalysis.gatedScenarios(all).stream()
                .filter(result -> scenarioPlans.containsKey(result.id())).toList();
        List<String> notDriven = CompareAnalysis.gatedScenarios(all).stream()
                .filter(result -> !scenarioPlans.containsKey(result.id())).map(TestResult::label).toList();
        if (!notDriven.isEmpty()) {
            log.warn("perfgate:compare: " + String.join(", ", notDriven) + " not compared with the base: compare"
                    + " drives only the scenario file's scenarios, so @LoadTest methods and perfgate:import results"
                    + " are judged only by perfgate:check");
        }
        Predicate<TestResult> drivenAlike = result -> ServiceForkRunner.drivenAlike(scenarioPlans.get(result.id()));
        List<String> unlike = scenarios.stream().filter(drivenAlike.negate()).map(TestResult::label).toList();
        if (!unlike.isEmpty()) {
            log.warn("perfgate:compare: " + String.join(", ", unlike) + " not compared with the base: a plan that"
                    + " measures each service's capacity first (normal or peak without rate or capacity), or a stress"
                    + " test, would drive a slower version more gently; give it a rate (load: {kind: normal, rate:"
                    + " 200/s}) to compare it");
            scenarios = scenarios.stream().filter(drivenAlike).toList();
        }
        if (!scenarios.isEmpty() && !serviceSet) {
            log.warn("perfgate:compare: " + scenarios.size() + " gated load scenario(s) are not compared"
                    + " with the base: set perfgate.compare.service to the command that starts the service, such as"
                    + " java -cp {classpath} com.acme.Main --port={port}, or java -jar {jar} --server.port={port}");
            scenarios = List.of();
        }
        List<String> pages = CompareAnalysis.gatedPages(all).stream().map(TestResult::label).toList();
        if (!pages.isEmpty()) {
            log.warn("perfgate:compare: " + String.join(", ", pages) + " not compared with the base: compare runs no"
                    + " browser, so gated pages are judged only by perfgate:check, against their bounds and the"
                    + " baseline (mvn verify perfgate:baseline on the base branch)");
        }
        ComparedResults gated = new ComparedResults(CompareAnalysis.gatedTests(all),
                CompareAnalysis.gatedBenchmarks(all), scenarios);
        boolean reactor = session != null && session.getProjects() != null && session.getProjects().size() > 1;
        if (!gated.isEmpty()) {
            if (reactor) {
                session.getRepositorySession().getData().set(COMPARED_IN_REACTOR, Boolean.TRUE);
            }
            return gated;
        }
        String none = "no gated JUnit test, JMH benchmark or load scenario (with perfgate.compare.service set)"
                + " recorded a result in " + results;
        if (reactor) {
            boolean compared = session.getRepositorySession().getData().get(COMPARED_IN_REACTOR) != null;
            boolean last = ReactorModules.same(ReactorModules.lastRunning(session, "compare"), project);
            if (compared || !last || session.isParallel()) {
                String passedOver = "perfgate:compare: " + none + "; nothing to compare in this module";
                if (session.isParallel() && !compared) {
                    log.warn(passedOver + " (in a parallel build compare cannot tell whether a module built"
                            + " later has any, so a build where none has does not fail)");
                } else {
                    log.info(passedOver);
                }
                return gated;
            }
        }
        throw new MojoExecutionException("perfgate:compare: " + none + (reactor ? " nor in any other module" : "")
                + "; compare runs what this build measured: run it after the tests (mvn verify perfgate:compare),"
                + " with perfgate:prepare configured, after perfgate:jmh for benchmarks, or after perfgate:load"
                + " (integration-test) for load scenarios");
    }
}
