package io.perfgate.core.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real JMH output kept under src/test/resources/jmh (see its README). */
final class JmhFixtures {
    private JmhFixtures() {
    }

    static String text(String name) {
        try (InputStream in = JmhFixtures.class.getResourceAsStream("/jmh/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JmhRun> runs() {
        return JmhResultReader.parse(text("fixture-result.json"), "fixture-result.json");
    }

    static JmhOutputMonitor monitoredOutput() {
        JmhOutputMonitor monitor = new JmhOutputMonitor();
        text("fixture-output.txt").lines().forEach(monitor);
        return monitor;
    }
}
