package io.perfgate.core.frontend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LighthouseToolsTest {
    @TempDir
    Path dir;

    @Test
    void noBrowserAnywhereSaysWhatToInstall() {
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> LighthouseTools.locate(dir, null, Map.of("PATH", dir.toString()), line -> { }));
        assertTrue(e.getMessage().startsWith("perfgate:lighthouse needs Chromium or Chrome, and none was found"),
                e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install chromium"), e.getMessage());
    }

    @Test
    void chromePathMustNameAnExecutable() {
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> LighthouseTools.chrome(null, Map.of("CHROME_PATH", dir.resolve("nope").toString())));
        assertTrue(e.getMessage().startsWith("CHROME_PATH names " + dir.resolve("nope") + ", which is no executable"),
                e.getMessage());
    }

    @Test
    void findsTheBrowserOnThePathAndSaysWhenNodeIsMissing() throws IOException {
        Path chromium = executable("chromium");
        assertEquals(chromium, LighthouseTools.chrome(null, Map.of("PATH", dir.toString())));
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> LighthouseTools.locate(dir, null, Map.of("PATH", dir.toString()), line -> { }));
        assertTrue(e.getMessage().contains("needs Node.js 18.20 or later"), e.getMessage());
    }

    @Test
    void noNpmToInstallLighthouseSaysHowToInstallIt() throws IOException {
        executable("chromium");
        executable("node");
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> LighthouseTools.locate(dir.resolve("cache"), null, Map.of("PATH", dir.toString()), line -> { }));
        assertTrue(e.getMessage().contains("no 'npm' is on the PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("npm install --prefix " + dir.resolve("cache").resolve("12.2.3")
                + " lighthouse@12.2.3"), e.getMessage());
    }

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
