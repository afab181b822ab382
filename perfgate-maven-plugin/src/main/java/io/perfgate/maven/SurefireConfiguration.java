package io.perfgate.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The test JVM settings of maven-surefire-plugin as Maven sees them: the {@code default-test} execution's
 * configuration merged over the plugin's (parents' and {@code pluginManagement}'s included), else the
 * {@code argLine} property, which surefire reads when its configuration sets none.
 *
 * @param argLine           the argLine, {@code @{name}} and {@code ${name}} not yet replaced; null when none is set
 * @param systemProperties  the {@code systemPropertyVariables}, in their order
 * @param userProperties    the build's {@code -D} properties, which surefire looks up before the project's
 * @param projectProperties the project's properties as the build has set them so far ({@code prepare}'s argLine)
 */
record SurefireConfiguration(String argLine, Map<String, String> systemProperties, Properties userProperties,
                             Properties projectProperties) {
    private static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
    private static final String ARG_LINE = "argLine";

    static SurefireConfiguration read(MavenProject project, Properties userProperties) {
        Xpp3Dom configuration = null;
        Plugin plugin = project.getPlugin(SUREFIRE);
        if (plugin != null) {
            configuration = plugin.getConfiguration() instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : null;
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getId().equals("default-test") && execution.getConfiguration() instanceof Xpp3Dom dom) {
                    configuration = Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(dom), configuration);
                }
            }
        }
        Xpp3Dom configured = configuration == null ? null : configuration.getChild(ARG_LINE);
        String argLine = configured != null ? configured.getValue()
                : userProperties.getProperty(ARG_LINE, project.getProperties().getProperty(ARG_LINE));
        Map<String, String> systemProperties = new LinkedHashMap<>();
        Xpp3Dom variables = configuration == null ? null : configuration.getChild("systemPropertyVariables");
        if (variables != null) {
            for (Xpp3Dom variable : variables.getChildren()) {
                systemProperties.put(variable.getName(), variable.getValue());
            }
        }
        return new SurefireConfiguration(argLine, systemProperties, userProperties, project.getProperties());
    }

    /** A property's value as surefire replaces {@code @{name}}: the build's {@code -D} first, then the project's. */
    String property(String name) {
        return userProperties.getProperty(name, projectProperties.getProperty(name));
    }
}
