package io.perfgate.core.result;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads and writes result files in a results directory ({@code target/perfgate/results}). */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** The file a result is stored in: a hash of its unique id, never its display name. */
    public static Path fileFor(Path resultsDirectory, String id) {
        return resultsDirectory.resolve(idHash(id) + ".json");
    }

    /** The file a result's kept JFR recording is stored in, beside the result's own file. */
    public static Path recordingFor(Path resultsDirectory, String id) {
        return resultsDirectory.resolve(idHash(id) + ".jfr");
    }

    /** 24 hex digits of the SHA-256 of a result id: stable, safe in file names and HTML anchors. */
    public static String idHash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Writes (or replaces) a result atomically and returns its file. */
    public static Path write(Path resultsDirectory, TestResult result) {
        Path file = fileFor(resultsDirectory, result.id());
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(result));
        } catch (JacksonException e) {
            throw new ResultFileException(file, "cannot serialize result: " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Reads one result file.
     *
     * @throws ResultFileException naming the file when it is unreadable, not a perfgate result, or of a
     *                             newer major schema version than this perfgate understands
     */
    public static TestResult read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, "cannot read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new ResultFileException(file, "cannot read: permission denied", e);
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot read: " + e.getMessage(), e);
        }
        // the common case binds in one pass; a file that does not is read again as a tree, to say why
        TestResult result = bindInOnePass(bytes);
        if (result == null) {
            result = bindExplained(file, bytes);
        }
        checkVersion(file, result.schemaVersion());
        ResultValidation.check(result, file);
        return result;
    }

    /** The result, or null when the bytes do not bind to one with a schema version, an id and a status. */
    private static TestResult bindInOnePass(byte[] bytes) {
        try {
            TestResult bound = Json.mapper().readValue(bytes, TestResult.class);
            return bound != null && bound.schemaVersion() != null && bound.id() != null && bound.status() != null
                    ? bound : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Binds through a tree, step by step, to name what is wrong with a file that did not bind in one pass. */
    private static TestResult bindExplained(Path file, byte[] bytes) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new ResultFileException(file, "not a readable perfgate result (corrupt JSON: "
                    + (e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage()) + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ResultFileException(file, "not a perfgate result: the file is empty", null);
        }
        if (!tree.isObject() || !tree.hasNonNull("schemaVersion")) {
            throw new ResultFileException(file, "not a perfgate result: no schemaVersion", null);
        }
        // a newer major version may not bind: say so rather than what failed to bind
        checkVersion(file, tree.get("schemaVersion").asText());
        TestResult result;
        try {
            result = Json.mapper().treeToValue(tree, TestResult.class);
        } catch (JacksonException e) {
            throw new ResultFileException(file, "not a valid perfgate result: " + e.getOriginalMessage(), e);
        }
        if (result.id() == null || result.status() == null) {
            throw new ResultFileException(file, "not a perfgate result: missing id or status", null);
        }
        return result;
    }

    private static void checkVersion(Path file, String version) {
        if (!ResultValidation.wellFormedVersion(version)) {
            throw new ResultFileException(file, "unreadable schema version '" + version
                    + "' (expected major.minor such as " + TestResult.SCHEMA_VERSION + ")", null);
        }
        int major = majorOf(version, file);
        if (major > TestResult.SCHEMA_MAJOR) {
            throw new ResultFileException(file, "schema version " + version + " is newer than this perfgate reads ("
                    + TestResult.SCHEMA_VERSION + "); upgrade the perfgate plugin", null);
        }
    }

    /**
     * Reads every result in a directory, sorted by file name; an absent directory holds none.
     *
     * @throws ResultFileException naming the file when one is unreadable or invalid, or when two files hold the
     *                             same result id (a copied result would otherwise count twice)
     */
    public static List<TestResult> readAll(Path resultsDirectory) {
        if (!Files.isDirectory(resultsDirectory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(resultsDirectory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ResultFileException(resultsDirectory, "cannot list results: " + e.getMessage(), e);
        }
        // files are independent: read them on every core (check's time is mostly this and JIT warm-up)
        List<TestResult> read = files.parallelStream().map(ResultFiles::read).toList();
        List<TestResult> results = new ArrayList<>();
        Map<String, Path> fileById = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            TestResult result = read.get(i);
            Path first = fileById.putIfAbsent(result.id(), file);
            if (first != null) {
                Path own = fileFor(resultsDirectory, result.id());
                Path copy = own.equals(file) ? first : file;
                throw new ResultFileException(copy, "holds result id '" + result.id() + "' that "
                        + (copy == file ? first : file).getFileName() + " holds too, and one test must not count twice;"
                        + " the recorder writes it to " + own.getFileName() + ": delete the copy", null);
            }
            results.add(result);
        }
        return results;
    }

    private static int majorOf(String version, Path file) {
        try {
            return Integer.parseInt(version.split("\\.", 2)[0]);
        } catch (NumberFormatException e) {
            throw new ResultFileException(file, "unreadable schema version '" + version + "'", e);
        }
    }
}
