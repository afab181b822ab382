package io.perfgate.maven;

import io.perfgate.core.jmh.TestCompilation;
import io.perfgate.core.jmh.TestCompilation.Setting;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the maven-compiler-plugin's test compilation settings from the project model as Maven sees it:
 * the plugin's configuration with the {@code testCompile} execution's merged over it, parents' and
 * {@code pluginManagement}'s included, and the {@code maven.compiler.proc} property as the plugin's default.
 */
final class TestCompilerConfiguration {
    private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";
    private static final String JMH_PROCESSOR_ARTIFACT = "jmh-generator-annprocess";

    private TestCompilerConfiguration() {
    }

    static TestCompilation read(MavenProject project, List<String> testClasspath) {
        boolean onClasspath = testClasspath.stream().anyMatch(element -> element.contains(JMH_PROCESSOR_ARTIFACT));
        Plugin plugin = project.getPlugin(COMPILER);
        if (plugin == null) {
            return new TestCompilation(List.of(), onClasspath);
        }
        Xpp3Dom configuration = plugin.getConfiguration() instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : null;
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains("testCompile") && execution.getConfiguration() instanceof Xpp3Dom dom) {
                configuration = Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(dom), configuration);
                break;
            }
        }
        List<Setting> settings = new ArrayList<>();
        boolean declared = onClasspath;
        Xpp3Dom proc = configuration == null ? null : configuration.getChild("proc");
        if (proc != null && proc.getValue() != null) {
            settings.add(new Setting(TestCompilation.PROC, proc.getValue(), "<proc>" + proc.getValue() + "</proc>",
                    where(proc)));
        } else if (project.getProperties().getProperty("maven.compiler.proc") != null) {
            String value = project.getProperties().getProperty("maven.compiler.proc");
            settings.add(new Setting(TestCompilation.PROC, value, "the property maven.compiler.proc = " + value, null));
        }
        if (configuration != null) {
            for (String name : List.of("compilerArgument", "testCompilerArgument")) {
                Xpp3Dom argument = configuration.getChild(name);
                if (argument != null && argument.getValue() != null) {
                    for (String token : argument.getValue().strip().split("\\s+")) {
                        settings.add(new Setting(TestCompilation.ARGUMENT, token, "<" + name + ">" + argument.getValue()
                                + "</" + name + ">", where(argument)));
                    }
                }
            }
            Xpp3Dom arguments = configuration.getChild("compilerArgs");
            if (arguments != null) {
                for (Xpp3Dom argument : arguments.getChildren()) {
                    settings.add(new Setting(TestCompilation.ARGUMENT, argument.getValue(), "<compilerArgs><"
                            + argument.getName() + ">" + argument.getValue() + "</" + argument.getName()
                            + "></compilerArgs>", where(argument)));
                }
            }
            Xpp3Dom processors = configuration.getChild("annotationProcessors");
            if (processors != null) {
                for (Xpp3Dom processor : processors.getChildren()) {
                    settings.add(new Setting(TestCompilation.PROCESSORS, processor.getValue(),
                            "<annotationProcessors>", where(processor)));
                }
            }
            Xpp3Dom paths = configuration.getChild("annotationProcessorPaths");
            if (paths != null) {
                for (Xpp3Dom path : paths.getChildren()) {
                    Xpp3Dom artifact = path.getChild("artifactId");
                    declared |= artifact != null && JMH_PROCESSOR_ARTIFACT.equals(artifact.getValue());
                }
            }
        }
        return new TestCompilation(settings, declared);
    }

    /** The pom a setting comes from, when Maven tracked it: {@code com.acme:parent:7 (/path/pom.xml)}. */
    private static String where(Xpp3Dom element) {
        if (element.getInputLocation() instanceof InputLocation location && location.getSource() != null) {
            String model = location.getSource().getModelId();
            String file = location.getSource().getLocation();
            return (model == null ? "" : model) + (file == null ? "" : (model == null ? "" : " ") + "(" + file
                    + (location.getLineNumber() > 0 ? ":" + location.getLineNumber() : "") + ")");
        }
        return null;
    }
}
