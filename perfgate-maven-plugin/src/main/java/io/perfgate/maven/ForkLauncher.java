package io.perfgate.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.io.File;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JUnit Platform launcher that ForkMain needs, matching the project's platform version. perfgate-junit has it
 * as {@code provided} (surefire brings its own), so compare resolves it from the project's
 * {@code junit-platform-engine} version, as surefire does.
 */
final class ForkLauncher {
    private static final String PLATFORM = "org.junit.platform";

    private final MavenProject project;
    private final MavenSession session;
    private final RepositorySystem repositorySystem;

    ForkLauncher(MavenProject project, MavenSession session, RepositorySystem repositorySystem) {
        this.project = project;
        this.session = session;
        this.repositorySystem = repositorySystem;
    }

    /** Class path entries (each preceded by the separator) the test classpath lacks; empty when it has the launcher. */
    String missingEntries() throws MojoExecutionException {
        Set<Artifact> artifacts = project.getArtifacts();
        if (artifacts.stream().anyMatch(a -> PLATFORM.equals(a.getGroupId())
                && "junit-platform-launcher".equals(a.getArtifactId()))) {
            return "";
        }
        String version = artifacts.stream()
                .filter(a -> PLATFORM.equals(a.getGroupId()) && "junit-platform-engine".equals(a.getArtifactId()))
                .map(Artifact::getVersion).findFirst()
                .orElseThrow(() -> new MojoExecutionException("perfgate:compare: the test classpath has no"
                        + " org.junit.platform:junit-platform-engine; perf tests need JUnit 5 or later"
                        + " (org.junit.jupiter:junit-jupiter)"));
        Set<String> present = artifacts.stream().filter(a -> a.getFile() != null)
                .map(a -> a.getFile().getAbsolutePath()).collect(Collectors.toSet());
        CollectRequest collect = new CollectRequest(new Dependency(
                new DefaultArtifact(PLATFORM + ":junit-platform-launcher:" + version), "runtime"),
                project.getRemoteProjectRepositories());
        try {
            Set<String> missing = new LinkedHashSet<>();
            for (ArtifactResult result : repositorySystem.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, null)).getArtifactResults()) {
                String file = result.getArtifact().getFile().getAbsolutePath();
                if (!present.contains(file)) {
                    missing.add(file);
                }
            }
            return missing.stream().map(file -> File.pathSeparator + file).collect(Collectors.joining());
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("perfgate:compare: cannot resolve org.junit.platform:junit-platform-launcher:"
                    + version + " (the launcher the forks run tests with): " + e.getMessage(), e);
        }
    }
}
