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
 * configuration (the plugin's, parents' and {@code pluginManagement}'s merged in), else the {@code argLine}
 * property, which surefire reads when its configuration sets none; and the properties its placeholders name.
 *
 * @param argLine           the argLine, {@code @{name}} and {@code ${name}} not yet replaced; null when none is set
 * @param systemProperties  the {@code systemPropertyVariables}, in their order
 * @param userProperties    the build's {@code -D} properties
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
            // Maven has merged the plugin's configuration into each execution's
            configuration = plugin.getConfiguration() instanceof Xpp3Dom dom ? dom : null;
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getId().equals("default-test") && execution.getConfiguration() instanceof Xpp3Dom dom) {
                    configuration = dom;
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
}
