package io.perfgate.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadPackageTest {

    @TempDir
    Path module;

    private final MavenProject project = new MavenProject();

    @BeforeEach
    void aPackagedModule() throws IOException {
        project.setFile(module.resolve("pom.xml").toFile());
        project.setArtifactId("shop");
        Build build = new Build();
        build.setDirectory(module.resolve("target").toString());
        build.setFinalName("shop-1.0");
        build.setOutputDirectory(module.resolve("target/classes").toString());
        project.getModel().setBuild(build);
        Files.createDirectories(module.resolve("target/classes"));
        project.setArtifact(artifact(null, "jar"));
    }

    private Artifact artifact(String classifier, String type) throws IOException {
        DefaultArtifact artifact = new DefaultArtifact("com.example", "shop", "1.0", "compile", type, classifier,
                new DefaultArtifactHandler(type));
        return artifact;
    }

    private Artifact made(String classifier, String type) throws IOException {
        Artifact artifact = artifact(classifier, type);
        Path file = module.resolve("target/shop-1.0" + (classifier == null ? "" : "-" + classifier) + "." + type);
        Files.writeString(file, type);
        artifact.setFile(file.toFile());
        return artifact;
    }

    @Test
    void theMainPackageOrTheOneAttachedWithTheClassifier() throws Exception {
        project.setArtifact(made(null, "jar"));
        project.addAttachedArtifact(made("exec", "asc")); // a signature shares the classifier
        project.addAttachedArtifact(made("exec", "jar"));

        assertEquals(Path.of("target/shop-1.0.jar"), HeadPackage.of(project, null));
        assertEquals(Path.of("target/shop-1.0-exec.jar"), HeadPackage.of(project, "exec"));
    }

    @Test
    void aClassifierThisBuildDidNotAttachIsNamedWithTheOnesItDid() throws Exception {
        project.setArtifact(made(null, "jar"));
        project.addAttachedArtifact(made("sources", "jar"));

        MojoExecutionException refused = assertThrows(MojoExecutionException.class,
                () -> HeadPackage.of(project, "exec"));
        assertEquals("perfgate:compare: the service's command starts the package attached as 'exec' ({jar:exec}), but"
                + " this build attached only [sources] to shop: check the classifier", refused.getMessage());
    }

    @Test
    void withoutAPackagePhaseThePackageIsLookedForWhereTheBuildPutsIt() throws Exception {
        Files.writeString(module.resolve("target/shop-1.0-exec.jar"), "jar");
        assertEquals(Path.of("target/shop-1.0-exec.jar"), HeadPackage.of(project, "exec"));

        MojoExecutionException missing = assertThrows(MojoExecutionException.class,
                () -> HeadPackage.of(project, "boot"));
        assertTrue(missing.getMessage().contains("shop-1.0-boot.jar, which this build has not made"),
                missing.getMessage());
    }
}
