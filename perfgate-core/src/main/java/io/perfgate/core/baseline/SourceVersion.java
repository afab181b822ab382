package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The version of the code a run measured: commit, branch, and whether the working tree had changes.
 * Read from CI variables when present (they know the branch of a detached checkout), else from git.
 *
 * @param commit the full commit id; null when unknown
 * @param branch the branch name; null when unknown or detached
 * @param dirty  true when git reported uncommitted changes; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceVersion(String commit, String branch, Boolean dirty) {

    public static final SourceVersion UNKNOWN = new SourceVersion(null, null, null);

    /** The first seven characters of the commit, or "unknown commit". */
    public String shortCommit() {
        return commit == null ? "unknown commit" : commit.substring(0, Math.min(7, commit.length()));
    }

    /**
     * Detects the version of the project in {@code directory}: CI variables first (GitHub Actions,
     * GitLab, Jenkins, Azure Pipelines, Bitbucket, CircleCI, Travis), then {@code git}, with a timeout.
     */
    public static SourceVersion detect(Path directory, Map<String, String> environment) {
        String commit = first(environment, "GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT", "BUILD_SOURCEVERSION",
                "BITBUCKET_COMMIT", "CIRCLE_SHA1", "TRAVIS_COMMIT");
        String branch = first(environment, "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME",
                "GIT_LOCAL_BRANCH", "GIT_BRANCH", "BUILD_SOURCEBRANCHNAME", "BITBUCKET_BRANCH", "CIRCLE_BRANCH",
                "TRAVIS_BRANCH");
        Boolean dirty = null;
        String gitCommit = git(directory, "rev-parse", "HEAD");
        if (gitCommit != null) {
            if (commit == null) {
                commit = gitCommit;
            }
            if (branch == null) {
                String name = git(directory, "rev-parse", "--abbrev-ref", "HEAD");
                branch = "HEAD".equals(name) ? null : name;
            }
            String status = git(directory, "status", "--porcelain", "--untracked-files=no");
            dirty = status == null ? null : !status.isBlank();
        }
        return new SourceVersion(commit, branch, dirty);
    }

    private static String first(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Runs git in the directory; null when git is missing, fails, or takes longer than five seconds. */
    private static String git(Path directory, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readNBytes(1 << 20);
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
