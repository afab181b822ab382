package io.perfgate.core.frontend;

import io.perfgate.core.result.FrontendDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's process handling, with a stand-in for node that behaves as Lighthouse's CLI does. */
class LighthouseRunnerTest {
    @TempDir
    Path dir;

    @Test
    void keepsEveryRunsReportsAndFigures() throws Exception {
        FrontendDetails details = runner(fakeLighthouse("cp \"$FIXTURE\" \"$out.report.json\"; echo '<html>' > \"$out.report.html\"; exit 0"))
                .run(page(2));
        assertNull(details.failure());
        assertEquals(2, details.runs().size());
        assertEquals("lighthouse/home/run-2.report.html", details.runs().get(1).htmlReport());
        assertEquals(943.4745e6, details.runs().get(0).metrics().get("fcp"), 1);
        assertEquals("12.2.3", details.lighthouseVersion());
        assertTrue(details.screenshot().startsWith("data:image/jpeg;base64,"));
    }

    @Test
    void aRuntimeErrorStopsThePageWithLighthousesMessage() throws Exception {
        FrontendDetails details = runner(fakeLighthouse("cp \"$NOT_FOUND\" \"$out.report.json\"; "
                + "echo 'Runtime error encountered: ...' >&2; exit 1")).run(page(3));
        assertEquals(1, details.runs().size(), "no further runs once the page failed");
        assertTrue(details.failure().startsWith("Lighthouse could not measure http://127.0.0.1:9/x:"
                + " ERRORED_DOCUMENT_REQUEST: "), details.failure());
        assertTrue(details.runs().get(0).metrics().isEmpty());
    }

    @Test
    void noReportAtAllFailsWithTheToolsOutput() throws Exception {
        FrontendDetails details = runner(fakeLighthouse("echo 'Unable to connect to Chrome' >&2; exit 1"))
                .run(page(1));
        assertEquals("Lighthouse wrote no report for http://127.0.0.1:9/x (exit 1): Unable to connect to Chrome",
                details.failure());
    }

    private LighthouseRunner runner(Path node) throws IOException {
        Path chrome = Files.writeString(dir.resolve("chromium"), "");
        return new LighthouseRunner(new LighthouseTools(node, dir.resolve("cli.js"), chrome), "--headless=new",
                dir.resolve("perfgate"), line -> { });
    }

    private static PageDefinition page(int runs) {
        return new PageDefinition("lighthouse.yaml", "home", URI.create("http://127.0.0.1:9/x"), List.of(), runs,
                FormFactor.DESKTOP, Throttling.SIMULATE, 0.25, List.of());
    }

    /** A "node" that reads --output-path like Lighthouse and then runs the given shell body. */
    private Path fakeLighthouse(String body) throws Exception {
        Path fixture = Path.of(getClass().getResource("/frontend/plain.report.json").toURI());
        Path notFound = Path.of(getClass().getResource("/frontend/not-found.report.json").toURI());
        Path script = dir.resolve("node");
        Files.writeString(script, "#!/bin/sh\nFIXTURE='" + fixture + "'\nNOT_FOUND='" + notFound + "'\n"
                + "for a in \"$@\"; do case \"$a\" in --output-path=*) out=\"${a#--output-path=}\";; esac; done\n"
                + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
