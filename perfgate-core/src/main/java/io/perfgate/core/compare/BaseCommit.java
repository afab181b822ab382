package io.perfgate.core.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The commit a pull request is compared with: the merge base of HEAD and a branch, or a commit or tag as given.
 *
 * @param id      the full commit id
 * @param ref     what the user asked for ({@code origin/main})
 * @param subject the commit's first line, so messages name it the way people know it
 */
public record BaseCommit(String id, String ref, String subject) {

    /** The default ref: the merge base with it is the commit a pull request started from. */
    public static final String DEFAULT_REF = "origin/main";

    private static final Duration GIT_TIMEOUT = Duration.ofMinutes(2);

    /** {@code 1a2b3c4 (origin/main: Add order cache)}. */
    public String describe() {
        return shortId() + " (" + ref + (subject == null || subject.isBlank() ? "" : ": " + subject) + ")";
    }

    public String shortId() {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }

    /**
     * Resolves {@code against} in the repository that holds {@code directory}: a branch (local or remote) gives
     * its merge base with HEAD, anything else (a commit id, a tag) the commit it names.
     *
     * @param logs where git's output goes
     * @throws CompareException naming the ref and what git said
     */
    public static BaseCommit resolve(Path directory, String against, Path logs) {
        String ref = against == null || against.isBlank() ? DEFAULT_REF : against.strip();
        String commit = git(directory, logs, "resolve", "the base ref '" + ref + "' is no commit here"
                + (DEFAULT_REF.equals(ref) ? " (the default; fetch it, e.g. actions/checkout with fetch-depth: 0,"
                + " or name another with -Dperfgate.against=<branch, tag or commit>)"
                : "; name a branch, tag or commit, fetched into this clone"), "rev-parse", "--verify", "--quiet",
                ref + "^{commit}");
        boolean branch = isBranch(directory, ref, logs);
        if (branch) {
            commit = git(directory, logs, "merge-base", "HEAD and '" + ref + "' have no common ancestor (a shallow"
                    + " clone? fetch with fetch-depth: 0)", "merge-base", "HEAD", ref);
        }
        String subject = git(directory, logs, "subject", "cannot read commit " + commit, "log", "-1", "--format=%s", commit);
        return new BaseCommit(commit, ref, subject);
    }

    private static boolean isBranch(Path directory, String ref, Path logs) {
        for (String prefix : List.of("refs/heads/", "refs/remotes/")) {
            try {
                run(directory, logs.resolve("git-branch.log"), "show-ref", "--verify", "--quiet", prefix + ref);
                return true;
            } catch (CompareException notThere) {
                // try the next namespace
            }
        }
        return false;
    }

    /** The top of the working tree holding {@code directory}. */
    public static Path topLevel(Path directory, Path logs) {
        return Path.of(git(directory, logs, "toplevel", directory + " is not inside a git working tree; compare"
                + " checks the base commit out with git worktree", "rev-parse", "--show-toplevel"));
    }

    static String git(Path directory, Path logs, String step, String problem, String... arguments) {
        try {
            return run(directory, logs.resolve("git-" + step + ".log"), arguments);
        } catch (CompareException e) {
            throw new CompareException("perfgate:compare: " + problem + ": " + e.getMessage(), e);
        }
    }

    /** Runs git; its trimmed output, or a {@link CompareException} with what it printed. */
    static String run(Path directory, Path log, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ExternalCommand git = new ExternalCommand(command, directory, Map.of(), GIT_TIMEOUT);
        try {
            ExternalCommand.Outcome outcome = git.run(log);
            if (!outcome.succeeded()) {
                throw new CompareException(git.describe(outcome) + (outcome.output().isBlank() ? ""
                        : ": " + outcome.tail(5).strip()));
            }
            return outcome.output().strip();
        } catch (IOException e) {
            throw new CompareException("cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompareException("interrupted while running git " + String.join(" ", arguments), e);
        }
    }
}
