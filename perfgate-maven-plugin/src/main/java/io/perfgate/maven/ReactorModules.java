package io.perfgate.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

import java.util.List;

/**
 * Where a goal stands in a multi-module build: {@code report-aggregate} acts once, in the reactor's last
 * module (as maven-deploy-plugin's deployAtEnd does), and {@code check} leaves the CI job summary to it.
 */
final class ReactorModules {
    static final String PLUGIN = "perfgate-maven-plugin";
    static final String AGGREGATE_GOAL = "report-aggregate";

    private ReactorModules() {
    }

    /** The last project the reactor builds. */
    static MavenProject last(MavenSession session) {
        List<MavenProject> projects = session.getProjects();
        return projects.get(projects.size() - 1);
    }

    static boolean isLast(MavenSession session, MavenProject project) {
        return last(session).getId().equals(project.getId())
                && last(session).getBasedir().equals(project.getBasedir());
    }

    /** Whether {@code report-aggregate} runs in this build: bound in the last module, or named on the command line. */
    static boolean aggregateRuns(MavenSession session) {
        if (session == null || session.getProjects() == null || session.getProjects().isEmpty()) {
            return false;
        }
        boolean named = session.getGoals().stream().anyMatch(goal -> goal.equals("perfgate:" + AGGREGATE_GOAL)
                || (goal.contains(PLUGIN) && goal.endsWith(":" + AGGREGATE_GOAL)));
        return named || bound(last(session));
    }

    private static boolean bound(MavenProject project) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!PLUGIN.equals(plugin.getArtifactId())) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(AGGREGATE_GOAL)) {
                    return true;
                }
            }
        }
        return false;
    }
}
