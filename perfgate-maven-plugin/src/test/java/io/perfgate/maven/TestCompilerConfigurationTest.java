package io.perfgate.maven;

import io.perfgate.core.jmh.TestCompilation;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test compilation's settings come from the plugin's configuration with the testCompile execution's over it. */
class TestCompilerConfigurationTest {
    private static final String PROCESSOR_PATH = "<annotationProcessorPaths><path><groupId>org.openjdk.jmh</groupId>"
            + "<artifactId>jmh-generator-annprocess</artifactId><version>1.37</version></path></annotationProcessorPaths>";

    private static MavenProject project(String pluginConfiguration, String testCompileConfiguration) throws Exception {
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setConfiguration(Xpp3DomBuilder.build(new StringReader(pluginConfiguration)));
        PluginExecution testCompile = new PluginExecution();
        testCompile.setId("default-testCompile");
        testCompile.setGoals(List.of("testCompile"));
        if (testCompileConfiguration != null) {
            testCompile.setConfiguration(Xpp3DomBuilder.build(new StringReader(testCompileConfiguration)));
        }
        compiler.addExecution(testCompile);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(compiler);
        return new MavenProject(model);
    }

    @Test
    void procNoneInThePluginsConfigurationIsFound() throws Exception {
        TestCompilation compilation = TestCompilerConfiguration.read(project("<configuration><compilerArgs>"
                + "<arg>-Xlint:all</arg><arg>-proc:none</arg></compilerArgs>" + PROCESSOR_PATH + "</configuration>",
                null), List.of());

        assertTrue(compilation.jmhProcessorDeclared());
        assertTrue(compilation.processorDisabled().orElseThrow()
                .contains("<compilerArgs><arg>-proc:none</arg></compilerArgs>"));
    }

    @Test
    void theDocumentedFixOverridesTheArgumentsForTheTestsOnly() throws Exception {
        TestCompilation compilation = TestCompilerConfiguration.read(project("<configuration><compilerArgs>"
                + "<arg>-proc:none</arg></compilerArgs></configuration>",
                "<configuration><compilerArgs combine.self=\"override\"/></configuration>"), List.of());

        assertEquals(Optional.empty(), compilation.processorDisabled());
        assertFalse(compilation.jmhProcessorDeclared());
    }

    @Test
    void procNoneOnTheTestCompileExecutionOrAsAPropertyIsFound() throws Exception {
        TestCompilation execution = TestCompilerConfiguration.read(project("<configuration/>",
                "<configuration><proc>none</proc></configuration>"), List.of());
        MavenProject withProperty = project("<configuration/>", null);
        withProperty.getProperties().setProperty("maven.compiler.proc", "none");

        assertTrue(execution.processorDisabled().orElseThrow().contains("off with <proc>none</proc>,"));
        assertTrue(TestCompilerConfiguration.read(withProperty, List.of()).processorDisabled().orElseThrow()
                .contains("off with the property maven.compiler.proc = none,"));
    }

    @Test
    void theProcessorOnTheClassPathCountsAsDeclared() throws Exception {
        TestCompilation compilation = TestCompilerConfiguration.read(project("<configuration/>", null),
                List.of("/m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar"));

        assertTrue(compilation.jmhProcessorDeclared());
        assertEquals(Optional.empty(), compilation.processorDisabled());
    }
}
