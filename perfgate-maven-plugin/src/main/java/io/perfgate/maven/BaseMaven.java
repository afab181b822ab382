package io.perfgate.maven;

import io.perfgate.core.compare.BaseCheckout;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How perfgate:compare builds the base: with the Maven and JDK of this build, and its settings. */
final class BaseMaven {

    private BaseMaven() {
    }

    /**
     * The Maven running this build, on the same JDK, offline if it is, with its settings, local repository and
     * profiles (active and inactive).
     */
    static BaseCheckout.MavenInvocation of(MavenSession session, String dependencyPlugin, Duration timeout)
            throws MojoExecutionException {
        String home = System.getProperty("maven.home");
        if (home == null) {
            throw new MojoExecutionException("perfgate:compare: maven.home is not set, so the base cannot be built"
                    + " with this Maven");
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        Path executable = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
        List<String> options = new ArrayList<>();
        if (session.isOffline()) {
            options.add("-o");
        }
        File settings = session.getRequest().getUserSettingsFile();
        if (settings != null && settings.isFile()) {
            options.addAll(List.of("-s", settings.getAbsolutePath()));
        }
        File globalSettings = session.getRequest().getGlobalSettingsFile();
        if (globalSettings != null && globalSettings.isFile()) {
            options.addAll(List.of("-gs", globalSettings.getAbsolutePath()));
        }
        options.add("-Dmaven.repo.local=" + session.getRepositorySession().getLocalRepository().getBasedir()
                .getAbsolutePath());
        List<String> profiles = new ArrayList<>(session.getRequest().getActiveProfiles());
        session.getRequest().getInactiveProfiles().forEach(profile -> profiles.add("!" + profile));
        if (!profiles.isEmpty()) {
            options.add("-P" + String.join(",", profiles));
        }
        return new BaseCheckout.MavenInvocation(executable, Path.of(System.getProperty("java.home")), options,
                dependencyPlugin, timeout);
    }
}
