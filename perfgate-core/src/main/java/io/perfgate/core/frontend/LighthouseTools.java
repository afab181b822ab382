package io.perfgate.core.frontend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The programs {@code perfgate:lighthouse} runs: Node, the pinned Lighthouse CLI (installed with npm into a cache
 * folder on first use) and a Chromium from the system. Anything missing is an error that says what to install.
 *
 * @param node          the {@code node} executable
 * @param lighthouseCli Lighthouse's {@code cli/index.js}
 * @param chrome        the Chromium executable, handed to Lighthouse as {@code CHROME_PATH}
 */
public record LighthouseTools(Path node, Path lighthouseCli, Path chrome) {

    /** Lighthouse 13 needs Node 22; 12.2.3 runs on Node 18.20 and later. */
    public static final String LIGHTHOUSE_VERSION = "12.2.3";
    static final List<String> CHROME_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    /** The default cache: {@code ~/.cache/perfgate/lighthouse}; one folder per Lighthouse version inside it. */
    public static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "perfgate", "lighthouse");
    }

    /**
     * Finds every tool, installing Lighthouse when the cache lacks it.
     *
     * @param cache      the cache folder (Lighthouse goes into {@code <cache>/12.2.3})
     * @param chromePath a Chromium executable the user named, or null to look at CHROME_PATH, then the PATH
     * @param env        the environment (CHROME_PATH, PATH)
     */
    public static LighthouseTools locate(Path cache, String chromePath, Map<String, String> env, Consumer<String> log) {
        Path chrome = chrome(chromePath, env);
        Path node = onPath("node", env).orElseThrow(() -> new FrontendConfigurationException(
                "perfgate:lighthouse needs Node.js 18.20 or later (for Lighthouse " + LIGHTHOUSE_VERSION + "), and no"
                        + " 'node' is on the PATH; install it (Debian/Ubuntu: apt-get install nodejs npm)"));
        Path folder = cache.resolve(LIGHTHOUSE_VERSION);
        Path cli = folder.resolve("node_modules").resolve("lighthouse").resolve("cli").resolve("index.js");
        if (!Files.isRegularFile(cli)) {
            install(folder, env, log);
            if (!Files.isRegularFile(cli)) {
                throw new FrontendConfigurationException("npm installed lighthouse@" + LIGHTHOUSE_VERSION + " into "
                        + folder + ", but " + cli + " is missing; delete " + folder + " and run again");
            }
        }
        return new LighthouseTools(node, cli, chrome);
    }

    static Path chrome(String chromePath, Map<String, String> env) {
        if (chromePath != null && !chromePath.isBlank()) {
            return executable(Path.of(chromePath.strip()), "the chromePath parameter (perfgate.lighthouse.chromePath)");
        }
        String fromEnv = env.get("CHROME_PATH");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return executable(Path.of(fromEnv.strip()), "CHROME_PATH");
        }
        for (String name : CHROME_NAMES) {
            Optional<Path> found = onPath(name, env);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new FrontendConfigurationException("perfgate:lighthouse needs Chromium or Chrome, and none was found:"
                + " CHROME_PATH is not set and none of " + CHROME_NAMES + " is on the PATH; install it (Debian:"
                + " apt-get install chromium; Ubuntu: a Chrome package, since its chromium is a snap) or set"
                + " CHROME_PATH to the browser's executable");
    }

    private static Path executable(Path path, String source) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new FrontendConfigurationException(source + " names " + path + ", which is no executable file;"
                    + " point it at Chromium's or Chrome's executable, or install Chromium (Debian: apt-get install"
                    + " chromium)");
        }
        return path;
    }

    static Optional<Path> onPath(String name, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void install(Path folder, Map<String, String> env, Consumer<String> log) {
        Path npm = onPath("npm", env).orElseThrow(() -> new FrontendConfigurationException(
                "perfgate:lighthouse installs lighthouse@" + LIGHTHOUSE_VERSION + " with npm into " + folder
                        + ", and no 'npm' is on the PATH; install it (Debian/Ubuntu: apt-get install npm), or install"
                        + " Lighthouse there yourself: npm install --prefix " + folder + " lighthouse@"
                        + LIGHTHOUSE_VERSION));
        log.accept("perfgate lighthouse: installing lighthouse@" + LIGHTHOUSE_VERSION + " into " + folder
                + " (once; set perfgate.lighthouse.cache to move it)");
        List<String> command = new ArrayList<>(List.of(npm.toString(), "install", "--prefix", folder.toString(),
                "--no-audit", "--no-fund", "--no-save", "--loglevel=error", "lighthouse@" + LIGHTHOUSE_VERSION));
        try {
            Files.createDirectories(folder);
            Path logFile = Files.createTempFile("perfgate-npm", ".log");
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new FrontendConfigurationException("npm did not install lighthouse@" + LIGHTHOUSE_VERSION
                        + " within " + INSTALL_TIMEOUT_MINUTES + " minutes; check the network or the npm registry"
                        + " setting, or install it yourself: " + String.join(" ", command));
            }
            String output = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(logFile);
            if (process.exitValue() != 0) {
                throw new FrontendConfigurationException("npm could not install lighthouse@" + LIGHTHOUSE_VERSION
                        + " into " + folder + " (exit " + process.exitValue() + "): " + tail(output)
                        + "; fix that, or install it yourself: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new FrontendConfigurationException("cannot run npm to install lighthouse@" + LIGHTHOUSE_VERSION
                    + " into " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FrontendConfigurationException("interrupted while installing Lighthouse", e);
        }
    }

    /** The last lines of a tool's output, enough to see its error. */
    static String tail(String output) {
        String[] lines = output.strip().split("\\R");
        int from = Math.max(0, lines.length - 8);
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    /** Whether this JVM runs as root, where Chromium's sandbox refuses to start. */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name", "").toLowerCase(Locale.ROOT));
    }
}
