package io.perfgate.junit.fork;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ForkMainTest {

    /** Run only through ForkMain below (its name keeps surefire from picking it up). */
    static class Selected {
        @Test
        void passes() {
        }

        @Test
        void fails() {
            fail("failed on purpose");
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ForkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsTheSelectedMethodOnly() {
        assertEquals(ForkMain.SUCCEEDED, run(Selected.class.getName() + "#passes"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 tests successful"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedTestFailsTheFork() {
        assertEquals(ForkMain.FAILED, run(Selected.class.getName() + "#fails"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("failed on purpose"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTestThatDoesNotExistIsNotASuccess() {
        assertEquals(ForkMain.NOTHING_SELECTED, run("io.perfgate.junit.fork.NoSuchTest#gone"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no test matched io.perfgate.junit.fork.NoSuchTest#gone"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withTheUnmatchedOptionMissingTestsAreListedAndTheRestRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path unmatched = dir.resolve("unmatched.txt");
        String missingMethod = Selected.class.getName() + "#addedInHead";
        String missingClass = "io.perfgate.junit.fork.NoSuchTest#gone";
        assertEquals(ForkMain.SUCCEEDED, run(ForkMain.UNMATCHED_OPTION + unmatched, missingClass,
                Selected.class.getName() + "#passes", missingMethod));
        assertEquals(java.util.List.of(missingClass, missingMethod), java.nio.file.Files.readAllLines(unmatched));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 tests successful"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withTheUnmatchedOptionNothingMatchingIsStillNotASuccess(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path unmatched = dir.resolve("unmatched.txt");
        assertEquals(ForkMain.NOTHING_SELECTED, run(ForkMain.UNMATCHED_OPTION + unmatched, "io.perfgate.junit.fork.NoSuchTest"));
        assertEquals(java.util.List.of("io.perfgate.junit.fork.NoSuchTest"), java.nio.file.Files.readAllLines(unmatched));
    }
}
