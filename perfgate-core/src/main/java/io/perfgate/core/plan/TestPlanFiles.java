package io.perfgate.core.plan;

import com.fasterxml.jackson.core.JacksonException;
import io.perfgate.core.result.AtomicFiles;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.ResultFileException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Plan files: one per test plan a test JVM runs, in a {@code plans} directory beside the results directory.
 * Kept apart from results so that a results directory that cannot be written (a full disk, a file in its place)
 * leaves the plans readable.
 */
public final class TestPlanFiles {
    private TestPlanFiles() {
    }

    /** The plans directory belonging to a results directory: its sibling {@code plans}. */
    public static Path directoryFor(Path resultsDirectory) {
        return resultsDirectory.toAbsolutePath().normalize().resolveSibling("plans");
    }

    /**
     * Writes a plan atomically under a name no other JVM or plan uses (forks run in parallel, a JVM may run
     * several plans) and returns its file.
     *
     * @throws ResultFileException naming the file when it cannot be written
     */
    public static Path write(Path plansDirectory, TestPlan plan) {
        Path file = plansDirectory.resolve("plan-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".json");
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(plan));
        } catch (JacksonException e) {
            throw new ResultFileException(file, "cannot serialize the test plan: " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Every plan in the directory; none when it does not exist.
     *
     * @throws ResultFileException naming a plan file that cannot be read
     */
    public static List<TestPlan> readAll(Path plansDirectory) {
        if (!Files.isDirectory(plansDirectory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(plansDirectory)) {
            files = listing.filter(path -> path.getFileName().toString().startsWith("plan-"))
                    .filter(path -> path.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ResultFileException(plansDirectory, "cannot list test plans: " + e.getMessage(), e);
        }
        List<TestPlan> plans = new ArrayList<>();
        for (Path file : files) {
            TestPlan plan;
            try {
                plan = Json.mapper().readValue(file.toFile(), TestPlan.class);
            } catch (IOException e) {
                throw new ResultFileException(file, "not a readable perfgate test plan: " + e.getMessage(), e);
            }
            if (plan == null || plan.tests().stream().anyMatch(test -> test == null || test.id() == null)) {
                throw new ResultFileException(file, "not a perfgate test plan: a planned test has no id", null);
            }
            plans.add(plan);
        }
        return plans;
    }

    /** This JVM as plans name it: {@code pid@host}. */
    public static String currentJvm() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
