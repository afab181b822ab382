package io.perfgate.maven;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.jmh.AnnotatedGates;
import org.junit.platform.commons.support.AnnotationSupport;
import io.perfgate.core.jmh.BenchmarkGateRule;
import io.perfgate.core.jmh.CompiledBenchmarks;
import io.perfgate.core.jmh.DeclaredGates;
import io.perfgate.core.jmh.JmhCommand;
import io.perfgate.core.jmh.JmhProfiles;
import io.perfgate.core.jmh.JmhResultException;
import io.perfgate.core.jmh.JmhResults;
import io.perfgate.core.jmh.JmhRunner;
import io.perfgate.core.jmh.JmhSettings;
import io.perfgate.core.jmh.TestCompilation;
import io.perfgate.core.jmh.WarmupRetries;
import io.perfgate.core.measure.ContentionRule;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the module's JMH benchmarks (compiled from test sources by JMH's annotation processor) in a JVM of
 * its own on the test class path, keeps JMH's JSON and console output in {@code target/perfgate/jmh}, and
 * records one perfgate result per benchmark, mode and parameter set for {@code perfgate:check} to judge.
 * Gates come from perfgate's annotations on the {@code @Benchmark} methods (and their classes) or from
 * {@code <gates>}. A benchmark that throws is recorded as failed; {@code check} fails the build on it.
 */
@Mojo(name = "jmh", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class JmhMojo extends TestRunMojo {
    /**
     * Benchmarks of different modules must not measure at the same time ({@code mvn -T}): they would share the
     * CPUs and distort each other. One JMH run at a time per Maven JVM.
     */
    private static final Object ONE_RUN_AT_A_TIME = new Object();

    /** Skips the benchmarks only. */
    @Parameter(property = "perfgate.jmh.skip", defaultValue = "false")
    private boolean skipJmh;

    /** How long JMH measures: {@code smoke} (seconds per benchmark), {@code standard} or {@code comprehensive}. */
    @Parameter(property = "perfgate.profile", defaultValue = "standard")
    private String profile;

    /**
     * The share of its measured iterations a benchmark's threads may wait for a CPU, on average, before its
     * wall-time FAILs and REGRESSIONs have no verdict (the tests' rule, docs/contention.md): {@code 0.2} or
     * {@code 20%}; 100% turns it off.
     */
    @Parameter(property = ContentionRule.PROPERTY, defaultValue = "10%")
    private String maxCpuWait;

    /** Regular expressions of the benchmarks to run (found anywhere in the name, as JMH matches); all when empty. */
    @Parameter(property = "perfgate.jmh.includes")
    private List<String> includes;

    /** Regular expressions of benchmarks to leave out. */
    @Parameter(property = "perfgate.jmh.excludes")
    private List<String> excludes;

    /** Forked JVMs per benchmark (JMH's {@code -f}); the profile's when unset. Regressions compare forks. */
    @Parameter(property = "perfgate.jmh.forks")
    private Integer forks;

    /** Warmup iterations per fork ({@code -wi}); the profile's when unset. */
    @Parameter(property = "perfgate.jmh.warmupIterations")
    private Integer warmupIterations;

    /** Duration of a warmup iteration ({@code -w}), such as {@code 500ms}; the profile's when unset. */
    @Parameter(property = "perfgate.jmh.warmupTime")
    private String warmupTime;

    /** Measurement iterations per fork ({@code -i}); the profile's when unset. */
    @Parameter(property = "perfgate.jmh.measurementIterations")
    private Integer measurementIterations;

    /** Duration of a measurement iteration ({@code -r}), such as {@code 1s}; the profile's when unset. */
    @Parameter(property = "perfgate.jmh.measurementTime")
    private String measurementTime;

    /**
     * How many times a benchmark JMH measured while it was still warming up (in at least half of its forks, a
     * measured iteration more than 20 % worse than every later one) is run again, alone, with its warmup doubled
     * each time; all retries together take at most as long again as the first run (at least 60 s). A metric still
     * warming up after the last retry leaves the gates on it without a verdict (INCONCLUSIVE): the time and
     * throughput gates for the score (unless a mean or throughput bound holds even for the worst iteration), the
     * memory gate for gc.alloc.rate.norm. With {@code warmupIterations} or {@code warmupTime} set, the warmup is
     * yours: no retries, only the check. 0 turns retries off.
     */
    @Parameter(property = "perfgate.jmh.warmupRetries", defaultValue = "2")
    private int warmupRetries;

    /** Threads per benchmark ({@code -t}); the benchmark's {@code @Threads} when unset. */
    @Parameter(property = "perfgate.jmh.threads")
    private Integer threads;

    /** Options added to every forked benchmark JVM ({@code -jvmArgsAppend}), such as {@code -Xmx1g}. */
    @Parameter
    private List<String> jvmArgs;

    /** Gates for benchmarks by name pattern; annotations on a benchmark win over a gate of the same kind here. */
    @Parameter
    private List<BenchmarkGate> gates;

    /** The java executable JMH runs on; Maven's own by default. */
    @Parameter(property = "perfgate.jmh.jvm", defaultValue = "${java.home}/bin/java")
    private File jvm;

    /**
     * Whether each benchmark is profiled with JDK Flight Recorder through JMH's JFR profiler during its measurement
     * iterations, for the report's hot spots and the differential view of a regression, as gated tests are.
     */
    @Parameter(property = "perfgate.profiling", defaultValue = "true")
    private boolean profiling;

    /** Whether each benchmark's recording is kept beside its result file (it is read into the result either way). */
    @Parameter(property = "perfgate.keepProfiles", defaultValue = "false")
    private boolean keepProfiles;

    /** The longest the whole JMH run may take, in seconds; it is stopped (and fails) beyond it. */
    @Parameter(property = "perfgate.jmh.timeout", defaultValue = "3600")
    private int timeoutSeconds;

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        String skippedBy = skippedBy(skipJmh, "perfgate.jmh.skip");
        if (skippedBy != null) {
            getLog().info("perfgate: benchmarks skipped (" + skippedBy + ")");
            return;
        }
        Path testClasses = Path.of(project().getBuild().getTestOutputDirectory());
        if (!Files.isDirectory(testClasses)) {
            getLog().info("perfgate: no test classes in " + testClasses + "; no benchmarks to run");
            return;
        }
        List<String> classpath = testClasspath();
        CompiledBenchmarks compiled = compiledBenchmarks(testClasses);
        if (!compiled.hasBenchmarkList() && compiled.firstAnnotatedClass().isEmpty()) {
            getLog().info("perfgate: no JMH benchmarks in " + testClasses + "; nothing to run");
            return;
        }
        TestCompilation compilation = TestCompilerConfiguration.read(project(), classpath);
        Optional<String> disabled = compilation.processorDisabled();
        if (disabled.isPresent() && compiled.firstAnnotatedClass().isPresent()) {
            throw new MojoFailureException("perfgate: " + compiled.firstAnnotatedClass().get() + " has @Benchmark"
                    + " methods, but " + disabled.get());
        }
        if (!compiled.hasBenchmarkList()) {
            throw new MojoFailureException("perfgate: " + compiled.firstAnnotatedClass().get()
                    + " has @Benchmark methods, but JMH's annotation processor did not run (no"
                    + " META-INF/BenchmarkList in " + testClasses + "). " + (compilation.jmhProcessorDeclared()
                    ? "It is configured now, so these test classes were compiled before it was, or by a tool"
                    + " without annotation processing: run mvn clean verify."
                    : "Add org.openjdk.jmh:jmh-generator-annprocess to the maven-compiler-plugin's"
                    + " <annotationProcessorPaths> (javac 23 and later ignore processors found on the class path)."));
        }

        JmhSettings settings;
        JmhCommand command;
        List<BenchmarkGateRule> rules = new ArrayList<>();
        try {
            settings = JmhSettings.forProfile(profile).withOverrides(forks, warmupIterations, warmupTime,
                    measurementIterations, measurementTime, threads);
            command = new JmhCommand(includes, excludes);
            if (gates != null) {
                for (BenchmarkGate gate : gates) {
                    rules.add(gate.toRule());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate:jmh: " + e.getMessage(), e);
        }
        if (warmupRetries < 0) {
            throw new MojoExecutionException("perfgate:jmh: warmupRetries = " + warmupRetries + "; give 0 or more");
        }
        if (timeoutSeconds < 1) {
            throw new MojoExecutionException("perfgate:jmh: timeout = " + timeoutSeconds + " s; give it at least 1 s");
        }

        Path jmhDirectory = output().directory().resolve("jmh");
        JmhRunner runner = new JmhRunner(jvm.toPath(), List.of(), classpath, jmhDirectory,
                project().getBasedir().toPath(), Duration.ofSeconds(timeoutSeconds));
        JmhProfiles profiles = profiles(jmhDirectory.resolve("jfr"));
        if (profiles != null) {
            runner = runner.withProfiles(profiles);
        }
        try (URLClassLoader loader = classLoader(classpath)) {
            if (loader.findResource("org/openjdk/jmh/Main.class") == null) {
                throw new MojoExecutionException("perfgate:jmh: JMH is not on the test class path; add"
                        + " org.openjdk.jmh:jmh-core as a test-scoped dependency");
            }
            Optional<String> stale = compiled.staleness(loader);
            if (stale.isPresent()) {
                throw new MojoFailureException("perfgate: JMH's " + CompiledBenchmarks.BENCHMARK_LIST + " in "
                        + testClasses + " is stale: " + stale.get() + ". JMH would run the old list. Run mvn clean"
                        + " verify; if it recurs, something compiles the tests without JMH's annotation processor"
                        + " (an IDE, or a compiler execution with -proc:none or <annotationProcessors>)");
            }
            List<String> benchmarks = runner.list(command);
            if (benchmarks.isEmpty()) {
                throw new MojoFailureException("perfgate:jmh: no benchmark matches includes " + command.includes()
                        + (command.excludes().isEmpty() ? "" : " and excludes " + command.excludes())
                        + "; JMH's patterns are regular expressions found anywhere in names such as"
                        + " com.acme.ParserBench.parse");
            }
            DeclaredGates gates = declaredGates(benchmarks, loader, rules);
            run(runner, command, settings, benchmarks, gates, profiles);
        } catch (JmhResultException | ResultFileException | IOException e) {
            throw new MojoExecutionException("perfgate:jmh: " + e.getMessage(), e);
        }
    }

    private void run(JmhRunner runner, JmhCommand command, JmhSettings settings, List<String> benchmarks,
                     DeclaredGates gates, JmhProfiles profiles) throws MojoExecutionException {
        ContentionRule contentionRule;
        try {
            contentionRule = ContentionRule.of(maxCpuWait);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate:jmh: " + e.getMessage(), e);
        }
        boolean gcProfiler = gates.needGcProfiler();
        getLog().info("perfgate: running " + benchmarks.size() + (benchmarks.size() == 1 ? " benchmark" : " benchmarks")
                + " with JMH (profile " + profile + ": " + String.join(" ", settings.arguments())
                + (gcProfiler ? " -prof gc" : "") + (profiles == null ? "" : " -prof jfr") + ")");
        Instant started;
        WarmupRetries.Outcome outcome;
        synchronized (ONE_RUN_AT_A_TIME) {
            started = Instant.now();
            outcome = WarmupRetries.run(runner, command, settings, gcProfiler, jvmArgs, this::warmupPolicy,
                    getLog()::info);
        }
        List<TestResult> results;
        try {
            results = JmhResults.convert(outcome.runs(), outcome.failures(), benchmarks, gates::of,
                    outcome.stillWarming(), contentionRule, profile, started);
        } catch (InvalidGateException e) {
            throw new MojoExecutionException("perfgate:jmh: " + e.getMessage(), e);
        }
        Path resultsDirectory = output().results();
        removeEarlierResults(resultsDirectory, benchmarks);
        if (profiles != null) {
            results = profiles.attach(results, resultsDirectory, keepProfiles, getLog()::warn);
        }
        for (TestResult result : results) {
            ResultFiles.write(resultsDirectory, result);
        }
        long failed = results.stream().filter(result -> result.benchmark().failure() != null).count();
        for (TestResult result : results) {
            if (result.benchmark().failure() != null) {
                getLog().error("perfgate: " + result.label() + " failed in JMH: " + result.benchmark().failure());
            } else {
                getLog().info("perfgate: " + result.label() + ": " + result.benchmark().scoreText()
                        + (result.benchmark().allocationText() == null ? "" : ", " + result.benchmark().allocationText())
                        + (result.gates().isEmpty() ? "" : " (" + result.gates().size()
                        + (result.gates().size() == 1 ? " gate" : " gates") + ")")
                        + (result.benchmark().stillWarming() == null ? "" : "; still warming up, so no verdict on"
                        + " time or throughput unless even the worst iteration is within the bound")
                        + (result.benchmark().allocationStillWarming() == null ? ""
                        : "; allocation still falling, so no verdict on memory"));
            }
        }
        getLog().info("perfgate: recorded " + results.size() + " benchmark results in " + resultsDirectory
                + "; JMH's JSON: " + runner.resultFile());
        if (failed > 0) {
            getLog().error("perfgate: " + failed + (failed == 1 ? " benchmark" : " benchmarks")
                    + " failed; perfgate:check fails the build on " + (failed == 1 ? "it" : "them"));
        }
        List<String> unmatched = gates.unmatchedParams(results);
        if (!unmatched.isEmpty()) {
            throw new MojoExecutionException("perfgate:jmh: " + String.join("; ", unmatched) + ". Such a gate judges"
                    + " nothing: correct its params to name a @Param and values the benchmark runs with");
        }
    }

    /** The profiles to record; null when profiling is off, or cannot run here (a warning says why). */
    private JmhProfiles profiles(Path recordings) {
        if (!profiling) {
            return null;
        }
        Optional<String> unavailable = JmhProfiles.unavailable(jvm.toPath(), recordings);
        if (unavailable.isPresent()) {
            getLog().warn("perfgate: benchmarks are not profiled: " + unavailable.get()
                    + " (-Dperfgate.profiling=false leaves profiling off without this warning)");
            return null;
        }
        try {
            return new JmhProfiles(recordings).prepare();
        } catch (IOException e) {
            getLog().warn("perfgate: benchmarks are not profiled: cannot prepare " + recordings + ": " + e);
            return null;
        }
    }

    /** Retries for the profile's warmup; a warmup set in the pom (or with -D) is the user's, and only checked. */
    private WarmupRetries.Policy warmupPolicy(Duration firstRun, Duration timeLeft) {
        if (warmupIterations != null || (warmupTime != null && !warmupTime.isBlank())) {
            return WarmupRetries.Policy.checkOnly("the warmup was set in the plugin configuration");
        }
        return WarmupRetries.Policy.of(warmupRetries, firstRun, timeLeft);
    }

    /** The gates of each benchmark, read from its compiled class, and the {@code <gates>} rules. */
    private DeclaredGates declaredGates(List<String> benchmarks, ClassLoader loader, List<BenchmarkGateRule> rules)
            throws MojoExecutionException {
        AnnotatedGates annotations = new AnnotatedGates(AnnotationSupport::findAnnotation);
        DeclaredGates declared = new DeclaredGates(rules);
        for (String benchmark : benchmarks) {
            try {
                Optional<Class<?>> type = AnnotatedGates.benchmarkClass(benchmark, loader);
                List<List<GateDeclaration>> levels = type.isEmpty() ? List.of()
                        : annotations.declaredOn(type.get(), benchmark.substring(benchmark.lastIndexOf('.') + 1));
                if (type.isEmpty()) {
                    getLog().warn("perfgate: cannot load the class of " + benchmark + "; only <gates> apply to it");
                }
                declared.add(benchmark, levels);
            } catch (InvalidGateException e) {
                throw new MojoExecutionException("perfgate:jmh: " + e.getMessage(), e);
            } catch (LinkageError e) {
                throw new MojoExecutionException("perfgate:jmh: cannot read the gates of " + benchmark + ": " + e, e);
            }
        }
        return declared;
    }

    /** Results of an earlier run of these benchmarks (perhaps with other parameters) would be judged again. */
    private void removeEarlierResults(Path resultsDirectory, List<String> benchmarks) throws MojoExecutionException {
        if (!Files.isDirectory(resultsDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.list(resultsDirectory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                TestResult earlier;
                try {
                    earlier = ResultFiles.read(file);
                } catch (ResultFileException e) {
                    continue; // not ours to judge here; check reports it
                }
                if (JmhResults.KIND == earlier.kind() && earlier.benchmark() != null
                        && benchmarks.contains(earlier.benchmark().benchmark())) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate:jmh: cannot clear earlier results in " + resultsDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    private List<String> testClasspath() throws MojoExecutionException {
        try {
            return List.copyOf(project().getTestClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("perfgate:jmh: the test class path is not resolved: " + e.getMessage(), e);
        }
    }

    /** Loads the user's compiled classes to read their annotations; the platform loader keeps ours out of sight. */
    private static URLClassLoader classLoader(List<String> classpath) throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        for (String element : classpath) {
            try {
                urls.add(new File(element).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("perfgate:jmh: bad test class path element " + element, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static CompiledBenchmarks compiledBenchmarks(Path testClasses) throws MojoExecutionException {
        try {
            return CompiledBenchmarks.scan(testClasses);
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate:jmh: cannot read " + testClasses + ": " + e.getMessage(), e);
        }
    }
}
