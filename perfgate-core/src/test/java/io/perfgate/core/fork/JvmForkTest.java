package io.perfgate.core.fork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmForkTest {

    /** Child JVM entry: prints its arguments and one system property, exits with the code it is given. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("args=" + String.join("|", args) + " prop=" + System.getProperty("perfgate.fork.test"));
            if (args.length > 0 && args[0].equals("sleep")) {
                Thread.sleep(60_000);
            }
            System.exit(args.length > 0 && args[0].equals("fail") ? 3 : 0);
        }
    }

    @Test
    void runsAChildWithArgumentsThatHoldSpacesAndQuotes(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("logs/child.log");
        JvmFork fork = new JvmFork(JvmFork.currentJava(), List.of("-Dperfgate.fork.test=a b\"c"),
                System.getProperty("java.class.path"), Child.class.getName(), List.of("one two", "C:\\x"),
                dir, log, Duration.ofSeconds(60));

        JvmFork.Exit exit = fork.run();

        assertTrue(exit.succeeded(), exit.tail(20));
        assertTrue(Files.readString(log).contains("args=one two|C:\\x prop=a b\"c"), Files.readString(log));
    }

    @Test
    void reportsTheExitCodeOfAFailedChild(@TempDir Path dir) throws Exception {
        JvmFork.Exit exit = new JvmFork(JvmFork.currentJava(), List.of(), System.getProperty("java.class.path"),
                Child.class.getName(), List.of("fail"), dir, dir.resolve("child.log"), Duration.ofSeconds(60)).run();

        assertFalse(exit.succeeded());
        assertEquals(3, exit.code());
        assertEquals("exited with 3", exit.describe());
        assertTrue(exit.tail(5).contains("args=fail"), exit.tail(5));
    }

    @Test
    void killsAChildThatOutlivesItsTimeout(@TempDir Path dir) throws Exception {
        JvmFork.Exit exit = new JvmFork(JvmFork.currentJava(), List.of(), System.getProperty("java.class.path"),
                Child.class.getName(), List.of("sleep"), dir, dir.resolve("child.log"), Duration.ofSeconds(3)).run();

        assertTrue(exit.timedOut());
        assertFalse(exit.succeeded());
        assertTrue(exit.describe().startsWith("was killed after"), exit.describe());
    }
}
