package io.perfgate.junit;

import io.perfgate.junit.internal.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** perfgate.mode=off (the plugin's perfgate.skip) and perfgate.skip: gated tests run once as plain tests. */
class OffModeTest {

    @TempDir
    Path results;

    @Test
    void offRunsTheBodyOnceRecordsNothingAndJudgesNothing() {
        Sleeping.calls.set(0);
        SampleRuns.recording(results).with(RunSettings.MODE, "off").run(Sleeping.class).assertTests(1, 0, 0, 0);
        assertEquals(1, Sleeping.calls.get());
        assertFalse(Files.exists(results) && results.toFile().list().length > 0, "nothing recorded");
    }

    @Test
    void skipRunsTheBodyOnceEvenWhenRecording() {
        Sleeping.calls.set(0);
        SampleRuns.recording(results).with(RunSettings.SKIP, "true").run(Sleeping.class).assertTests(1, 0, 0, 0);
        assertEquals(1, Sleeping.calls.get());
        assertEquals(0, results.toFile().list().length);
    }

    @Test
    void aFailingBodyStillFailsAsAPlainTest() {
        SampleRuns.Outcome outcome = SampleRuns.standalone().with(RunSettings.MODE, "off").run(Failing.class);
        assertEquals("plain failure", outcome.failure().getMessage());
    }

    @Sample
    static class Sleeping {
        static final AtomicLong calls = new AtomicLong();

        @Test
        @LatencyGate(p95 = "1ns")
        void sleeps() throws InterruptedException {
            calls.incrementAndGet();
            Thread.sleep(5);
        }
    }

    @Sample
    static class Failing {
        @Test
        @LatencyGate(p95 = "1s")
        void fails() {
            throw new IllegalStateException("plain failure");
        }
    }
}
