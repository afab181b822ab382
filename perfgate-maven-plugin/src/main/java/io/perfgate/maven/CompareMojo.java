package io.perfgate.maven;

import io.perfgate.core.compare.BaseCheckout;
import io.perfgate.core.compare.BenchmarkForkRunner;
import io.perfgate.core.compare.BaseCommit;
import io.perfgate.core.compare.CompareAnalysis;
import io.perfgate.core.compare.CompareException;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.compare.InterleavedRuns;
import io.perfgate.core.compare.PairedComparator;
import io.perfgate.core.compare.ServiceForkRunner;
import io.perfgate.core.compare.TestForkRunner;
import io.perfgate.core.gate.Direction;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.jmh.JmhResultException;
import io.perfgate.core.load.LoadConfigurationException;
import io.perfgate.core.load.LoadPlan;
import io.perfgate.core.load.LoadRunException;
import io.perfgate.core.load.ScenarioFile;
import io.perfgate.core.measure.Profile;
import io.perfgate.core.regression.AllowedChange;
import io.perfgate.core.regression.Correction;
import io.perfgate.core.regression.RegressionPolicy;
import io.perfgate.core.report.CompareWriter;
import io.perfgate.core.result.AtomicFiles;
import io.perfgate.core.result.BenchmarkDetails;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.fork.JvmFork;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares this build's gated JUnit tests, JMH benchmarks and load scenarios with a base commit measured in the
 * same build: checks the base out in a git worktree, builds it, runs both versions in alternating forks (ABBA: a
 * child JVM for the tests, a JMH run with one JMH fork for the benchmarks, each version's service driven in turn
 * for the scenarios) and judges pair by pair. Run after the tests, {@code perfgate:jmh} and {@code perfgate:load}:
 * {@code mvn verify perfgate:compare -Dperfgate.against=origin/main}.
 */
@Mojo(name = "compare", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
public class CompareMojo extends AbstractPerfgateMojo {

    /** The branch (its merge base with HEAD is compared), tag or commit to compare with. */
    @Parameter(property = "perfgate.against", defaultValue = BaseCommit.DEFAULT_REF)
    private String against;

    /** Pairs of forks (one base JVM and one head JVM each); by default 6, 10 or 20 by profile. */
    @Parameter(property = "perfgate.compare.pairs")
    private Integer pairs;

    /** Sets the default number of pairs: 6 (smoke), 10 (standard) or 20 (comprehensive). */
    @Parameter(property = "perfgate.profile", defaultValue = "standard")
    private String profile;

    /**
     * How much each fork measures a test. Short by default: a pair is one replicate, and more pairs narrow the
     * interval more than longer forks do (the spread between JVMs dominates).
     */
    @Parameter(property = "perfgate.compare.forkProfile", defaultValue = "smoke")
    private String forkProfile;

    /**
     * Extra JVM options of every fork, split as an argLine ({@code -Xmx512m "-Dname=a b"}), after the tests' own so
     * that they win.
     */
    @Parameter(property = "perfgate.compare.jvmArgs")
    private String compareJvmArgs;

    /**
     * Options of the benchmarks' JMH forks, as {@code perfgate:jmh} takes them: set in the plugin's configuration,
     * both goals share them (perfgate.compare.jvmArgs come after).
     */
    @Parameter
    private List<String> jvmArgs;

    /**
     * Give the forks what surefire gives the tests: its argLine, its systemPropertyVariables and the build's
     * {@code -D} properties, without coverage agents (JaCoCo's would record the forks into this build's coverage),
     * debuggers, and perfgate's own recording settings.
     */
    @Parameter(property = "perfgate.compare.testJvmArguments", defaultValue = "true")
    private boolean testJvmArguments;

    /**
     * The command that starts the service for the load scenarios perfgate:load ran, split as an argLine, run in
     * each version's module directory; {@code {port}} becomes a free loopback port, {@code {classpath}} the
     * version's test class path: {@code java -cp {classpath} com.acme.Main --port={port}}, and {@code {jar}} the
     * version's package (target/&lt;finalName&gt;.jar, {@code {jar:exec}} the one attached as exec; the base is then
     * built with {@code package}): {@code java -jar {jar} --server.port={port}}. Without it the scenarios are not
     * compared (a warning says so).
     */
    @Parameter(property = "perfgate.compare.service")
    private String service;

    /** The scenarios' base URL when compare runs the service. */
    @Parameter(property = "perfgate.compare.serviceUrl", defaultValue = "http://127.0.0.1:{port}")
    private String serviceUrl;

    /** The scenario file perfgate:load runs; compare drives both versions with head's. */
    @Parameter(property = "perfgate.load.scenarios", defaultValue = "${project.basedir}/src/test/perfgate/load.yaml")
    private File scenarios;

    /** How long each version's service may take to accept connections, such as 30s. */
    @Parameter(property = "perfgate.load.waitForService", defaultValue = "30s")
    private String waitForService;

    /** Time limit of one fork. */
    @Parameter(property = "perfgate.compare.forkTimeoutMinutes", defaultValue = "10")
    private int forkTimeoutMinutes;

    /** No pair starts after this many minutes; fewer pairs give wider intervals, and the report says so. */
    @Parameter(property = "perfgate.compare.timeoutMinutes", defaultValue = "60")
    private int timeoutMinutes;

    /** Time limit of the base's build. */
    @Parameter(property = "perfgate.compare.buildTimeoutMinutes", defaultValue = "20")
    private int buildTimeoutMinutes;

    /** Allowed changes, as for {@code check}: {@code p95=+10%, OrderTest#create:p99=+30%}. */
    @Parameter(property = "perfgate.regression.allowed")
    private String regressionAllowed;

    /** Allowed growth of allocation per invocation. */
    @Parameter(property = "perfgate.compare.allowedAllocation", defaultValue = "+10%")
    private String allowedAllocation;

    @Parameter(property = "perfgate.regression.correction", defaultValue = "HOLM")
    private String regressionCorrection;

    /** Fail the build on a blocking regression; false only reports. */
    @Parameter(property = "perfgate.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** Keep the base's worktree (target/perfgate/compare/base) to look into it. */
    @Parameter(property = "perfgate.compare.keepBase", defaultValue = "false")
    private boolean keepBase;

    /** The goal that writes the base's test classpath. */
    @Parameter(property = "perfgate.compare.dependencyPlugin",
            defaultValue = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1")
    private String dependencyPlugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        Path directory = output().directory().resolve("compare");
        Path logs = directory.resolve("logs");
        ComparedResults gated = ComparedResults.read(output().results(), scenarioPlans(),
                service != null && !service.isBlank(), session, project(), getLog());
        if (gated.isEmpty()) {
            return;
        }
        ServiceForkRunner serviceRunner = gated.scenarios().isEmpty() ? null : serviceRunner();
        Profile checkedProfile = profile(profile, "perfgate.profile");
        Profile measuring = profile(forkProfile, "perfgate.compare.forkProfile");
        int pairCount = pairs != null ? pairs : defaultPairs(checkedProfile);
        PairedComparator comparator = comparator();
        List<String> extraJvmArguments = extraJvmArguments();
        List<String> forkJvmArguments = gated.tests().isEmpty() ? extraJvmArguments : jvmArguments(extraJvmArguments);
        Path basedir = project().getBasedir().toPath();
        CompareReport report;
        try {
            Files.createDirectories(logs);
            Path top = BaseCommit.topLevel(basedir, logs);
            BaseCommit base = BaseCommit.resolve(basedir, against, logs);
            getLog().info("perfgate: comparing " + gated.describe() + " with " + base.describe() + " in "
                    + pairCount + " pairs of forks" + (gated.tests().isEmpty() ? ""
                    : " (each measuring tests with the " + measuring.id() + " profile)"));
            BaseCheckout checkout = BaseCheckout.add(top, base, directory.resolve("base"), logs);
            try {
                boolean packaged = serviceRunner != null && serviceRunner.artifact() != null;
                BaseCheckout.BuiltBase built = checkout.build(BaseMaven.of(session, dependencyPlugin,
                        Duration.ofMinutes(buildTimeoutMinutes)), reactorRoot(top),
                        top.toRealPath().relativize(basedir.toRealPath()), packaged);
                String reactor = checkout.worktree().relativize(built.reactorDirectory()).toString();
                getLog().info("perfgate: the base was built " + (built.builtAlone() ? "as this module alone"
                        : "from its reactor (" + (reactor.isEmpty() ? "the repository's top" : reactor)
                        + ") with the modules this one depends on")
                        + (packaged ? ", and packaged for " + serviceRunner.packagePlaceholder() : ""));
                InterleavedRuns.Version baseVersion = new InterleavedRuns.Version(InterleavedRuns.Side.BASE,
                        built.testClasspath(), built.moduleDirectory());
                InterleavedRuns.Version headVersion = new InterleavedRuns.Version(InterleavedRuns.Side.HEAD,
                        String.join(File.pathSeparator, project().getTestClasspathElements()), basedir);
                if (serviceRunner != null) {
                    serviceRunner.requireBasePackage(baseVersion, base);
                }
                InterleavedRuns.Settings settings = InterleavedRuns.Settings.startingNow(pairCount,
                        Duration.ofMinutes(timeoutMinutes));
                Duration forkTimeout = Duration.ofMinutes(forkTimeoutMinutes);
                List<CompareAnalysis.Schedule> schedules = new ArrayList<>();
                if (!gated.tests().isEmpty()) {
                    TestForkRunner tests = new TestForkRunner(JvmFork.currentJava(), forkJvmArguments,
                            results -> ForkArguments.recordForCompare(results, measuring), forkTimeout,
                            new ForkLauncher(project(), session, repositorySystem).missingEntries());
                    schedules.add(new CompareAnalysis.Schedule("tests", gated.tests(), InterleavedRuns.run(
                            ids(gated.tests()), baseVersion, headVersion, settings, tests, directory.resolve("forks"),
                            getLog()::info)));
                }
                if (!gated.benchmarks().isEmpty()) {
                    getLog().info("perfgate: the benchmarks run under JMH, one JMH fork a side per pair, with the"
                            + " warmup and measurement perfgate:jmh recorded for each");
                    Map<String, BenchmarkDetails> details = new LinkedHashMap<>();
                    gated.benchmarks().forEach(result -> details.put(result.id(), result.benchmark()));
                    boolean gcProfiler = details.values().stream()
                            .anyMatch(benchmark -> benchmark.allocationPerOperation() != null);
                    List<String> benchmarkJvmArguments = new ArrayList<>(jvmArgs == null ? List.of() : jvmArgs);
                    benchmarkJvmArguments.addAll(extraJvmArguments);
                    BenchmarkForkRunner benchmarks = new BenchmarkForkRunner(JvmFork.currentJava(),
                            benchmarkJvmArguments, details, gcProfiler, forkTimeout);
                    schedules.add(new CompareAnalysis.Schedule("benchmarks", gated.benchmarks(), InterleavedRuns.run(
                            ids(gated.benchmarks()), baseVersion, headVersion, settings, benchmarks,
                            directory.resolve("benchmarks"), getLog()::info)));
                }
                if (!gated.scenarios().isEmpty()) {
                    getLog().info("perfgate: each side's service is started with " + String.join(" ",
                            serviceRunner.command()) + " and driven with " + scenarios + ", one version at a time");
                    schedules.add(new CompareAnalysis.Schedule("load scenarios", gated.scenarios(), InterleavedRuns.run(
                            ids(gated.scenarios()), baseVersion, headVersion, settings, serviceRunner,
                            directory.resolve("services"), getLog()::info)));
                }
                report = CompareAnalysis.of(base, schedules, gated.leftOut(), comparator, directory.toString());
            } finally {
                if (keepBase) {
                    getLog().info("perfgate: the base worktree is kept in " + checkout.worktree()
                            + " (git worktree remove --force it when done)");
                } else {
                    checkout.close();
                }
            }
        } catch (CompareException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException | DependencyResolutionRequiredException | ResultFileException
                 | JmhResultException | LoadConfigurationException | LoadRunException e) {
            throw new MojoExecutionException("perfgate:compare: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("perfgate:compare: interrupted", e);
        }
        writeReports(report);
        CompareSummary summary = new CompareSummary(report, output().directory().resolve("compare.html").toString());
        summary.lines().forEach(this::log);
        if (!report.blocking().isEmpty()) {
            if (failOnViolation) {
                throw new MojoFailureException(summary.failureMessage());
            }
            getLog().warn("perfgate: blocking regressions reported only (perfgate.failOnViolation=false)");
        }
    }

    private static List<String> ids(List<TestResult> results) {
        return results.stream().map(TestResult::id).toList();
    }

    /** The plans of the scenario file perfgate:load runs, by result id; none without the file. */
    private Map<String, LoadPlan> scenarioPlans() throws MojoExecutionException {
        Map<String, LoadPlan> plans = new LinkedHashMap<>();
        if (scenarios == null || !scenarios.isFile()) {
            return plans;
        }
        try {
            ScenarioFile.read(scenarios.toPath(), null).forEach(definition -> plans.put(definition.id(),
                    definition.plan()));
        } catch (LoadConfigurationException e) {
            throw new MojoExecutionException("perfgate:compare: " + e.getMessage(), e);
        }
        return plans;
    }

    /** How each side's service is started and driven; the scenario file is read once here to fail early. */
    private ServiceForkRunner serviceRunner() throws MojoExecutionException {
        try {
            List<String> command = ForkArguments.split(service);
            ServiceForkRunner runner = new ServiceForkRunner(command, serviceUrl,
                    scenarios.toPath(), Duration.ofNanos(Math.round(QuantityKind.DURATION.parse(waitForService,
                    "perfgate.load.waitForService"))), ServiceForkRunner.usesPackage(command)
                    ? HeadPackage.of(project(), ServiceForkRunner.packageClassifier(command)) : null);
            runner.definitions(1);
            return runner;
        } catch (IllegalArgumentException | LoadConfigurationException e) {
            throw new MojoExecutionException("perfgate:compare: " + e.getMessage(), e);
        }
    }

    /**
     * The reactor's root from the top of the repository, so a module's base is built with its base siblings: the
     * directory of the pom the build started from (also under {@code -pl}, where the root is not among the
     * session's projects).
     */
    private Path reactorRoot(Path gitTop) throws IOException {
        File pom = session == null ? null : session.getRequest().getPom();
        Path root = pom != null ? pom.getAbsoluteFile().getParentFile().toPath() : project().getBasedir().toPath();
        return gitTop.toRealPath().relativize(root.toRealPath());
    }

    private static Profile profile(String name, String property) throws MojoExecutionException {
        try {
            return Profile.of(name);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate:compare: " + property + ": " + e.getMessage(), e);
        }
    }

    /** Enough pairs for significance over a few metrics with Holm: 6 reach 1/64; 10 and 20 give narrower intervals. */
    static int defaultPairs(Profile profile) {
        return switch (profile) {
            case SMOKE -> 6;
            case STANDARD -> 10;
            case COMPREHENSIVE -> 20;
        };
    }

    private PairedComparator comparator() throws MojoExecutionException {
        try {
            RegressionPolicy policy = RegressionPolicy.defaults()
                    .withAllowed(regressionAllowed, "perfgate.regression.allowed")
                    .withCorrection(CheckMojo.option(Correction.class, regressionCorrection,
                            "perfgate.regression.correction"));
            return new PairedComparator(policy, AllowedChange.parse(allowedAllocation, Direction.LOWER_IS_BETTER,
                    "perfgate.compare.allowedAllocation"));
        } catch (InvalidGateException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
    }

    /** perfgate.compare.jvmArgs, split as an argLine. */
    private List<String> extraJvmArguments() throws MojoExecutionException {
        try {
            return compareJvmArgs == null || compareJvmArgs.isBlank() ? List.of() : ForkArguments.split(compareJvmArgs);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate:compare: perfgate.compare.jvmArgs: " + e.getMessage(), e);
        }
    }

    /** The tests' JVM arguments as surefire gives them, less what belongs to this build alone, then jvmArgs. */
    private List<String> jvmArguments(List<String> extra) throws MojoExecutionException {
        if (!testJvmArguments) {
            return extra;
        }
        SurefireConfiguration surefire = SurefireConfiguration.read(project(), session.getUserProperties());
        CompareForkArguments.Arguments arguments;
        try {
            arguments = CompareForkArguments.of(surefire, extra);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate:compare: cannot read surefire's argLine for the forks: "
                    + e.getMessage() + "; give their options in perfgate.compare.jvmArgs and set"
                    + " perfgate.compare.testJvmArguments=false", e);
        }
        getLog().info("perfgate: the forks' JVM arguments: " + (arguments.jvmArguments().isEmpty() ? "none"
                : String.join(" ", arguments.jvmArguments())));
        arguments.leftOut().forEach((argument, reason) -> getLog().info("perfgate: left out of the forks: " + argument
                + " (" + reason + ")"));
        return arguments.jvmArguments();
    }

    private void writeReports(CompareReport report) throws MojoExecutionException {
        for (CompareWriter writer : CompareWriter.all()) {
            Path file = output().directory().resolve(writer.fileName());
            try {
                AtomicFiles.write(file, writer.render(report));
            } catch (RuntimeException e) {
                throw new MojoExecutionException("perfgate:compare: cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
