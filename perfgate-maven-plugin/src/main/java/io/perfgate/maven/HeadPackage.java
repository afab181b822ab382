package io.perfgate.maven;

import io.perfgate.core.compare.CompareException;
import io.perfgate.core.compare.ServicePackage;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Head's package for a service command with {@code {jar}} or {@code {jar:classifier}}, as this build made it. */
final class HeadPackage {
    private HeadPackage() {
    }

    /**
     * The module's main package, or the one attached with {@code classifier} (a Spring Boot repackage with
     * {@code <classifier>exec</classifier>}, say), relative to the module's directory. Without a package phase in
     * this build it is looked for where the build puts it, target/&lt;finalName&gt;[-classifier].&lt;extension&gt;.
     *
     * @throws MojoExecutionException when this build packaged the module but attached nothing with the classifier,
     *                                or when {@link ServicePackage#ofHead} refuses the package
     */
    static Path of(MavenProject project, String classifier) throws MojoExecutionException {
        Artifact main = project.getArtifact();
        String extension = main.getArtifactHandler().getExtension();
        Artifact artifact = main;
        if (classifier != null) {
            List<Artifact> attached = project.getAttachedArtifacts().stream()
                    .filter(candidate -> classifier.equals(candidate.getClassifier()))
                    // a signature (.jar.asc) shares the classifier: the package has the module's extension
                    .sorted(Comparator.comparing(candidate -> !extension.equals(extensionOf(candidate))))
                    .toList();
            if (attached.isEmpty() && main.getFile() != null) {
                throw new MojoExecutionException("perfgate:compare: the service's command starts the package attached"
                        + " as '" + classifier + "' ({jar:" + classifier + "}), but this build attached "
                        + (project.getAttachedArtifacts().isEmpty() ? "no package with a classifier"
                        : "only " + project.getAttachedArtifacts().stream().map(Artifact::getClassifier)
                        .filter(Objects::nonNull).distinct().toList())
                        + " to " + project.getArtifactId() + ": check the classifier");
            }
            artifact = attached.isEmpty() ? null : attached.get(0);
        }
        File made = artifact == null ? null : artifact.getFile();
        Path expected = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName()
                + (classifier == null ? "" : "-" + classifier) + "." + (artifact == null ? extension
                : extensionOf(artifact)));
        try {
            return ServicePackage.ofHead(project.getBasedir().toPath(), made == null ? null : made.toPath(), expected,
                    Path.of(project.getBuild().getOutputDirectory()));
        } catch (CompareException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static String extensionOf(Artifact artifact) {
        return artifact.getArtifactHandler().getExtension();
    }
}
