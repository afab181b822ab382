package io.perfgate.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

import java.util.List;

/**
 * Where a goal stands in a multi-module build: {@code report-aggregate} acts once, in the reactor's last
 * module (as maven-deploy-plugin's deployAtEnd does), {@code check} leaves the CI job summary to it, and
 * {@code compare} fails in the last module it runs in when no module had anything to compare.
 */
final class ReactorModules {
    static final String PLUGIN = "perfgate-maven-plugin";
    static final String AGGREGATE_GOAL = "report-aggregate";
    private static final String SKIP = "perfgate.skip";

    private ReactorModules() {
    }

    /** The last project the reactor builds. */
    static MavenProject last(MavenSession session) {
        List<MavenProject> projects = session.getProjects();
        return projects.get(projects.size() - 1);
    }

    static boolean isLast(MavenSession session, MavenProject project) {
        return same(last(session), project);
    }

    /** Whether {@code report-aggregate} runs in this build: bound in the last module, or named on the command line. */
    static boolean aggregateRuns(MavenSession session) {
        if (session == null || session.getProjects() == null || session.getProjects().isEmpty()) {
            return false;
        }
        return named(session, AGGREGATE_GOAL) || bound(last(session));
    }

    /** Whether the build's command line names the goal: {@code perfgate:<goal>}, or by the plugin's coordinates. */
    static boolean named(MavenSession session, String goal) {
        return session != null && session.getGoals().stream().anyMatch(name -> name.equals("perfgate:" + goal)
                || (name.contains(PLUGIN) && name.endsWith(":" + goal)));
    }

    private static boolean bound(MavenProject project) {
        return bound(project, AGGREGATE_GOAL);
    }

    private static boolean bound(MavenProject project, String goal) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!PLUGIN.equals(plugin.getArtifactId())) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(goal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The reactor's last project in which {@code goal} runs: named on the command line it runs in every project,
     * else where a pom binds it; a project whose own properties set {@code perfgate.skip} does not count. Null when
     * none.
     */
    static MavenProject lastRunning(MavenSession session, String goal) {
        boolean named = named(session, goal);
        boolean skippedByUser = Boolean.parseBoolean(session.getUserProperties().getProperty(SKIP));
        List<MavenProject> projects = session.getProjects();
        for (int i = projects.size() - 1; i >= 0; i--) {
            MavenProject project = projects.get(i);
            boolean skipped = skippedByUser || Boolean.parseBoolean(project.getProperties().getProperty(SKIP));
            if ((named || bound(project, goal)) && !skipped) {
                return project;
            }
        }
        return null;
    }

    static boolean same(MavenProject one, MavenProject other) {
        return one != null && other != null && one.getId().equals(other.getId())
                && one.getBasedir().equals(other.getBasedir());
    }
}
