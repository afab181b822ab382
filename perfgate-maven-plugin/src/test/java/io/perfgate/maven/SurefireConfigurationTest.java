package io.perfgate.maven;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Surefire's argLine and system properties as compare's forks take them. */
class SurefireConfigurationTest {

    private static MavenProject project(String pluginConfiguration, String testConfiguration) throws Exception {
        Model model = new Model();
        model.setBuild(new Build());
        if (pluginConfiguration != null || testConfiguration != null) {
            Plugin surefire = new Plugin();
            surefire.setGroupId("org.apache.maven.plugins");
            surefire.setArtifactId("maven-surefire-plugin");
            if (pluginConfiguration != null) {
                surefire.setConfiguration(Xpp3DomBuilder.build(new StringReader(pluginConfiguration)));
            }
            PluginExecution test = new PluginExecution();
            test.setId("default-test");
            test.setGoals(List.of("test"));
            if (testConfiguration != null) {
                test.setConfiguration(Xpp3DomBuilder.build(new StringReader(testConfiguration)));
            }
            surefire.addExecution(test);
            model.getBuild().addPlugin(surefire);
        }
        MavenProject project = new MavenProject(model);
        project.getProperties().setProperty("argLine", "-Dfrom=project");
        return project;
    }

    @Test
    void theTestExecutionsConfigurationIsReadWhereMavenMergedThePluginsIn() throws Exception {
        SurefireConfiguration surefire = SurefireConfiguration.read(project(
                "<configuration><argLine>@{argLine} -Xmx1g</argLine></configuration>",
                "<configuration><argLine>@{argLine} -Xmx2g</argLine><systemPropertyVariables><a>1</a><b>2</b>"
                        + "</systemPropertyVariables></configuration>"), new Properties());

        assertEquals("@{argLine} -Xmx2g", surefire.argLine());
        assertEquals(Map.of("a", "1", "b", "2"), surefire.systemProperties());
        assertEquals("-Dfrom=project", surefire.projectProperties().getProperty("argLine"));
    }

    @Test
    void withoutATestExecutionThePluginsConfigurationIsRead() throws Exception {
        Model model = new Model();
        model.setBuild(new Build());
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><argLine>-Xmx1g</argLine></configuration>")));
        model.getBuild().addPlugin(plugin);
        assertEquals("-Xmx1g", SurefireConfiguration.read(new MavenProject(model), new Properties()).argLine());
    }

    @Test
    void withoutAnArgLineSettingSurefireReadsTheArgLinePropertyTheBuildsDFirst() throws Exception {
        Properties user = new Properties();
        assertEquals("-Dfrom=project", SurefireConfiguration.read(project(null, null), user).argLine());
        user.setProperty("argLine", "-Dfrom=command-line");
        SurefireConfiguration surefire = SurefireConfiguration.read(project("<configuration/>", null), user);
        assertEquals("-Dfrom=command-line", surefire.argLine());
    }
}
