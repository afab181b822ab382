package io.perfgate.maven;

import io.perfgate.core.fork.ForkCount;
import io.perfgate.core.measure.Profile;
import io.perfgate.core.result.ResultFileException;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Makes forked test JVMs (surefire, failsafe) record perf results into {@code target/perfgate/results}
 * and defer the verdict to {@code check}, by appending system properties to the {@code argLine} property,
 * as JaCoCo's prepare-agent does. Also removes the results, plans and reports of an earlier build, never those of
 * this build (see {@link OutputDirectory#clearStale}).
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareMojo extends AbstractPerfgateMojo {

    /** Surefire and failsafe run JUnit Platform tests from 2.22.0 on; Maven 3.8's default surefire is 2.12.4. */
    private static final ComparableVersion FIRST_JUNIT_PLATFORM_VERSION = new ComparableVersion("2.22.0");
    private static final Set<String> TEST_PLUGINS = Set.of("maven-surefire-plugin", "maven-failsafe-plugin");

    /**
     * The project property the arguments are added to. Surefire and failsafe read {@code argLine}; a plugin
     * configuration that sets its own {@code <argLine>} must include {@code @{argLine}}.
     */
    @Parameter(property = "perfgate.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** How much measuring tests do: {@code smoke}, {@code standard} or {@code comprehensive}. */
    @Parameter(property = "perfgate.profile", defaultValue = "standard")
    private String profile;

    /**
     * How many JVMs measure each gated JUnit test (the test JVM and {@code forks - 1} more), so regression
     * detection sees the spread between JVMs; unset: 1 for smoke, 3 for standard, 5 for comprehensive.
     */
    @Parameter(property = "perfgate.forks")
    private String forks;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    protected void doExecute() throws MojoExecutionException {
        Profile checkedProfile;
        Integer jvms;
        try {
            checkedProfile = Profile.of(profile);
            boolean forksOnCommandLine = session.getUserProperties().getProperty(ForkArguments.FORKS) != null;
            jvms = forks == null || forks.isBlank() || forksOnCommandLine ? null : ForkCount.of(checkedProfile, forks);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate:prepare: " + e.getMessage(), e);
        }
        String buildId = buildId();
        try {
            if (buildId.equals(output().preparedBy().orElse(null))) {
                getLog().info("perfgate: " + output().directory() + " was prepared earlier in this build (a forked"
                        + " lifecycle, or prepare bound twice); its results are kept");
            }
            int removed = output().clearStale(buildId).size();
            if (removed > 0) {
                getLog().debug("perfgate: removed " + removed + " file(s) of an earlier run");
            }
        } catch (IOException | ResultFileException e) {
            throw new MojoExecutionException("perfgate: cannot remove the results of an earlier run in "
                    + output().directory() + ": " + e.getMessage(), e);
        }
        String fromCommandLine = session.getUserProperties().getProperty(ForkArguments.PROFILE);
        setArguments(ForkArguments.record(output().results(), checkedProfile,
                fromCommandLine != null && Profile.of(fromCommandLine) == checkedProfile, jvms));
        warnAboutOverridingArgLines();
    }

    /**
     * This build, told apart from earlier ones by when it started; a forked lifecycle shares its session's
     * request, and so its start time.
     */
    private String buildId() {
        java.util.Date started = session.getRequest() == null ? null : session.getRequest().getStartTime();
        return "maven-session-" + (started == null ? System.identityHashCode(session) : started.getTime());
    }

    /** Forks must still hear "off": without any setting they judge on their own, as in an IDE, and fail tests. */
    @Override
    protected void whenSkipped() throws MojoExecutionException {
        setArguments(ForkArguments.off());
    }

    private void setArguments(List<String> arguments) throws MojoExecutionException {
        Properties properties = project().getProperties();
        String merged;
        try {
            merged = ForkArguments.merge(properties.getProperty(propertyName), arguments);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
        properties.setProperty(propertyName, merged);
        getLog().info("perfgate: " + propertyName + " set to " + merged);
        if (session.getUserProperties().containsKey(propertyName)) {
            getLog().warn("perfgate: '" + propertyName + "' is also given on the command line (-D" + propertyName
                    + "=...), which takes precedence over the project property; configure surefire's"
                    + " <argLine>@{" + propertyName + "} ...</argLine> instead, or test JVMs will not record perf results");
        }
    }

    private void warnAboutOverridingArgLines() {
        for (Plugin plugin : project().getBuildPlugins()) {
            if (!TEST_PLUGINS.contains(plugin.getArtifactId())) {
                continue;
            }
            if (plugin.getVersion() != null
                    && new ComparableVersion(plugin.getVersion()).compareTo(FIRST_JUNIT_PLATFORM_VERSION) < 0) {
                getLog().warn("perfgate: " + plugin.getArtifactId() + " " + plugin.getVersion()
                        + " does not run JUnit 5 tests, so no perf test will be measured; use version 3.x");
            }
            // executions inherit the plugin-level configuration: warn once per distinct setting
            Set<String> argLines = new LinkedHashSet<>();
            argLineOf(plugin.getConfiguration()).ifPresent(argLines::add);
            for (PluginExecution execution : plugin.getExecutions()) {
                argLineOf(execution.getConfiguration()).ifPresent(argLines::add);
            }
            for (String argLine : argLines) {
                ForkArguments.argLineWarning(plugin.getArtifactId(), argLine, propertyName)
                        .ifPresent(warning -> getLog().warn("perfgate: " + warning));
            }
        }
    }

    private static Optional<String> argLineOf(Object configuration) {
        if (configuration instanceof Xpp3Dom dom && dom.getChild("argLine") != null) {
            return Optional.ofNullable(dom.getChild("argLine").getValue());
        }
        return Optional.empty();
    }
}
