package io.perfgate.maven;

import io.perfgate.core.compare.CompareException;
import io.perfgate.core.compare.ServicePackage;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;

/** Head's package for a service command with {@code {jar}} or {@code {jar:classifier}}, as this build made it. */
final class HeadPackage {
    private HeadPackage() {
    }

    /**
     * The module's main package, or the one attached with {@code classifier} (a Spring Boot repackage with
     * {@code <classifier>exec</classifier>}, say), relative to the module's directory.
     */
    static Path of(MavenProject project, String classifier) throws MojoExecutionException {
        Artifact artifact = classifier == null ? project.getArtifact() : project.getAttachedArtifacts().stream()
                .filter(attached -> classifier.equals(attached.getClassifier())).findFirst().orElse(null);
        String extension = artifact == null ? "jar" : artifact.getArtifactHandler().getExtension();
        File made = artifact == null ? null : artifact.getFile();
        Path expected = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName()
                + (classifier == null ? "" : "-" + classifier) + "." + extension);
        try {
            return ServicePackage.ofHead(project.getBasedir().toPath(), made == null ? null : made.toPath(), expected,
                    Path.of(project.getBuild().getOutputDirectory()));
        } catch (CompareException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
