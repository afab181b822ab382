package io.perfgate.maven;

import io.perfgate.core.compare.CompareAnalysis;
import io.perfgate.core.compare.ComparedTest;
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

/**
 * Head's gated JUnit tests, JMH benchmark runs and load scenarios, as this build's test phase, perfgate:jmh and
 * perfgate:load recorded them: what perfgate:compare measures again; and the gated results it leaves out.
 */
record ComparedResults(List<TestResult> tests, List<TestResult> benchmarks, List<TestResult> scenarios,
                       List<ComparedTest> leftOut) {

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
     * can start the service and their plan drives both versions alike. The others, gated pages, @LoadTest and
     * imported results are left out, each with why, and the report names them. None in one module of a multi-module
     * build is fine (an aggregator, a module without perf tests) as long as some module had them; none anywhere is an
     * error, never a pass.
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
        List<ComparedTest> leftOut = new ArrayList<>(CompareAnalysis.leftOut(all, scenarioPlans.keySet()));
        List<TestResult> scenarios = new ArrayList<>();
        for (TestResult scenario : CompareAnalysis.gatedScenarios(all)) {
            if (!scenarioPlans.containsKey(scenario.id())) {
                continue; // left out above
            }
            if (!ServiceForkRunner.drivenAlike(scenarioPlans.get(scenario.id()))) {
                leftOut.add(CompareAnalysis.leftOut(scenario, "a plan that measures each service's capacity first"
                        + " (normal or peak without rate or capacity), or a stress test, would drive a slower version"
                        + " more gently; give it a rate (load: {kind: normal, rate: 200/s}) to compare it"));
            } else if (!serviceSet) {
                leftOut.add(CompareAnalysis.leftOut(scenario, "perfgate.compare.service is not set; set it to the"
                        + " command that starts the service, such as java -cp {classpath} com.acme.Main --port={port},"
                        + " or java -jar {jar} --server.port={port}"));
            } else {
                scenarios.add(scenario);
            }
        }
        ComparedResults gated = new ComparedResults(CompareAnalysis.gatedTests(all),
                CompareAnalysis.gatedBenchmarks(all), scenarios, leftOut);
        boolean reactor = session != null && session.getProjects() != null && session.getProjects().size() > 1;
        if (!gated.isEmpty()) {
            if (reactor) {
                session.getRepositorySession().getData().set(COMPARED_IN_REACTOR, Boolean.TRUE);
            }
            return gated; // the report names what was left out
        }
        gated.leftOut().forEach(test -> log.warn("perfgate:compare: " + test.label() + " " + test.reason()));
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
