package io.perfgate.core.result;

import io.perfgate.core.TestData;
import io.perfgate.core.gate.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultFilesTest {
    @TempDir
    Path results;

    private static TestResult sample(String method, String displayName) {
        return TestData.completed("OrderApiPerfTest", method, displayName,
                TestData.withMemory(TestData.measurement(TestData.exponential(5, 300, 2e6), 2,
                                "java.lang.IllegalStateException: pool exhausted", 1_000_000_000L),
                        new MemoryMeasurement(64L << 20, 512.5, 3_000_000L, 9_000_000L, 4L)),
                TestData.gate("LatencyGate", "p95", "150ms..200ms", "max", "1s"),
                new GateDeclaration("ErrorRateGate", Level.WARNING, true, "class OrderApiPerfTest",
                        Map.of("max", "1%"), "checkout"));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReadsBackTheSameResult() {
        TestResult result = sample("createOrder", "createOrder()");
        Path file = ResultFiles.write(results, result);
        assertEquals(result, ResultFiles.read(file));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        ResultFiles.write(results, sample("createOrder", "createOrder()"));
        ResultFiles.write(results, sample("createOrder", "createOrder()"));
        assertEquals(1, fileNames().size(), fileNames().toString());
        assertTrue(fileNames().get(0).endsWith(".json"));
    }

    @Test
    void namesTheFileAfterAHashOfTheIdNotTheDisplayName() throws IOException {
        TestResult scripted = sample("createOrder", "<script>alert(1)</script> ../../etc/passwd");
        Path file = ResultFiles.write(results, scripted);
        assertEquals(ResultFiles.fileFor(results, scripted.id()), file);
        assertTrue(file.getFileName().toString().matches("[0-9a-f]{24}\\.json"), file.toString());
        assertEquals(results, file.getParent());

        // same id, another display name: the same file, replaced
        TestResult renamed = scripted.withDisplayName("renamed");
        assertEquals(file, ResultFiles.write(results, renamed));
        assertEquals("renamed", ResultFiles.read(file).displayName());
        // another id: another file
        assertNotEquals(file, ResultFiles.fileFor(results, scripted.id() + "/[invocation:2]"));
        assertEquals(1, fileNames().size());
    }

    @Test
    void rejectsANewerMajorSchemaVersionNamingTheFile() throws IOException {
        Path file = ResultFiles.write(results, sample("createOrder", "createOrder()"));
        String json = Files.readString(file).replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"2.0\"");
        assertTrue(json.contains("\"2.0\""), json);
        Files.writeString(file, json);
        ResultFileException error = assertThrows(ResultFileException.class, () -> ResultFiles.read(file));
        assertEquals(file + ": schema version 2.0 is newer than this perfgate reads (1.0); upgrade the perfgate plugin",
                error.getMessage());
        assertEquals(file, error.file());
    }

    @Test
    void rejectsANegativeOrMalformedSchemaVersionNamingTheFile() throws IOException {
        for (String version : List.of("-1.0", "1", "1.0.0", "1.-2", "", "1.0 ")) {
            Path file = ResultFiles.write(results, sample("createOrder", "createOrder()"));
            Files.writeString(file, Files.readString(file)
                    .replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"" + version + "\""));
            ResultFileException error = assertThrows(ResultFileException.class, () -> ResultFiles.read(file), version);
            assertEquals(file + ": unreadable schema version '" + version + "' (expected major.minor such as 1.0)",
                    error.getMessage());
        }
    }

    /** Writes the sample, edits one field of its JSON, and returns the message reading it gives. */
    private String readEdited(String pointer, Object value) throws IOException {
        Path file = ResultFiles.write(results, sample("createOrder", "createOrder()"));
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(file.toFile());
        int slash = pointer.lastIndexOf('/');
        com.fasterxml.jackson.databind.node.ObjectNode parent =
                (com.fasterxml.jackson.databind.node.ObjectNode) tree.at(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1), Json.mapper().valueToTree(value));
        Files.write(file, Json.mapper().writeValueAsBytes(tree));
        ResultFileException error = assertThrows(ResultFileException.class, () -> ResultFiles.read(file), pointer);
        assertEquals(file, error.file());
        assertTrue(error.getMessage().startsWith(file + ": not a valid perfgate result: "), error.getMessage());
        assertTrue(error.getMessage().endsWith(" (no recorder writes such figures: the file was edited or damaged)"),
                error.getMessage());
        return error.getMessage();
    }

    @Test
    void rejectsImpossibleFiguresNamingFileFieldAndValue() throws IOException {
        assertTrue(readEdited("/measurement/errors", -1000).contains("measurement.errors = -1000 is negative"));
        assertTrue(readEdited("/measurement/durationNanos", -1).contains("measurement.durationNanos = -1 is negative"));
        assertTrue(readEdited("/measurement/invocations", -5).contains("measurement.invocations = -5 is negative"));
        assertTrue(readEdited("/measurement/errors", 303)
                .contains("measurement.errors = 303 exceeds measurement.invocations = 302"));
        assertTrue(readEdited("/measurement/errorsByKind", Map.of("java.lang.IllegalStateException", 5))
                .contains("measurement.errorsByKind adds up to 5, more than measurement.errors = 2"));
        assertTrue(readEdited("/measurement/memory/allocatedBytesPerInvocation", "NaN")
                .contains("measurement.memory.allocatedBytesPerInvocation = NaN is not a finite number"));
        assertTrue(readEdited("/measurement/memory/gcCount", -4).contains("measurement.memory.gcCount = -4 is negative"));
        assertTrue(readEdited("/measurement/rounds", List.of(Map.of("invocations", 3, "errors", 4, "durationNanos", 1)))
                .contains("measurement.rounds[0].errors = 4 exceeds measurement.rounds[0].invocations = 3"));
        assertTrue(readEdited("/measurement/rounds", List.of(Map.of("invocations", 3, "errors", 0, "durationNanos", 1,
                "score", "Infinity"))).contains("measurement.rounds[0].score = Infinity is not a finite number"));
        assertTrue(readEdited("/workload/threads", -2).contains("workload.threads = -2 is negative"));
    }

    @Test
    void aResultCopiedUnderASecondNameIsAnErrorNamingTheCopy() throws IOException {
        Path original = ResultFiles.write(results, sample("createOrder", "createOrder()"));
        Path copy = results.resolve("copy-of-result.json");
        Files.copy(original, copy);
        ResultFileException error = assertThrows(ResultFileException.class, () -> ResultFiles.readAll(results));
        assertEquals(copy, error.file());
        assertTrue(error.getMessage().startsWith(copy + ": holds result id '"), error.getMessage());
        assertTrue(error.getMessage().contains(original.getFileName() + " holds too, and one test must not count twice;"
                + " the recorder writes it to " + original.getFileName() + ": delete the copy"), error.getMessage());
    }

    @Test
    void acceptsANewerMinorVersionAndIgnoresUnknownFields() throws IOException {
        Path file = ResultFiles.write(results, sample("createOrder", "createOrder()"));
        String json = Files.readString(file)
                .replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"1.7\", \"cpuQuota\" : { \"cores\" : 1.5 }")
                .replace("\"invocations\" :", "\"futureFigure\" : [1, 2, 3], \"invocations\" :");
        Files.writeString(file, json);
        TestResult read = ResultFiles.read(file);
        assertEquals("1.7", read.schemaVersion());
        assertEquals(302, read.measurement().invocations());
    }

    @Test
    void rejectsCorruptJsonNamingTheFile() throws IOException {
        Path file = results.resolve("broken.json");
        Files.writeString(file, "{\"schemaVersion\": \"1.0\", \"id\": ");
        ResultFileException error = assertThrows(ResultFileException.class, () -> ResultFiles.read(file));
        assertTrue(error.getMessage().startsWith(file + ": not a readable perfgate result (corrupt JSON: "),
                error.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path missing = results.resolve("gone.json");
        assertEquals(missing + ": cannot read: no such file",
                assertThrows(ResultFileException.class, () -> ResultFiles.read(missing)).getMessage());
    }

    @Test
    void rejectsFilesThatAreNoResults() throws IOException {
        Path empty = Files.writeString(results.resolve("empty.json"), "");
        assertEquals(empty + ": not a perfgate result: the file is empty",
                assertThrows(ResultFileException.class, () -> ResultFiles.read(empty)).getMessage());
        Path array = Files.writeString(results.resolve("array.json"), "[1, 2]");
        assertEquals(array + ": not a perfgate result: no schemaVersion",
                assertThrows(ResultFileException.class, () -> ResultFiles.read(array)).getMessage());
        Path noId = Files.writeString(results.resolve("noid.json"), "{\"schemaVersion\": \"1.0\"}");
        assertEquals(noId + ": not a perfgate result: missing id or status",
                assertThrows(ResultFileException.class, () -> ResultFiles.read(noId)).getMessage());
        Path badVersion = Files.writeString(results.resolve("v.json"), "{\"schemaVersion\": \"one\"}");
        assertEquals(badVersion + ": unreadable schema version 'one' (expected major.minor such as 1.0)",
                assertThrows(ResultFileException.class, () -> ResultFiles.read(badVersion)).getMessage());
        Path badStatus = Files.writeString(results.resolve("s.json"),
                "{\"schemaVersion\": \"1.0\", \"id\": \"x\", \"status\": \"EXPLODED\"}");
        assertTrue(assertThrows(ResultFileException.class, () -> ResultFiles.read(badStatus)).getMessage()
                .startsWith(badStatus + ": not a valid perfgate result: "));
        Path missing = results.resolve("missing.json");
        assertTrue(assertThrows(ResultFileException.class, () -> ResultFiles.read(missing)).getMessage()
                .startsWith(missing + ": "));
    }

    @Test
    void readsAllResultsSortedByFileAndSkipsHiddenAndForeignFiles() throws IOException {
        Path a = ResultFiles.write(results, sample("a", "a()"));
        Path b = ResultFiles.write(results, sample("b", "b()"));
        Path c = ResultFiles.write(results, sample("c", "c()"));
        Files.writeString(results.resolve(".half-written.json.tmp"), "{");
        Files.writeString(results.resolve(".hidden.json"), "{");
        Files.writeString(results.resolve("notes.txt"), "not a result");
        List<TestResult> all = ResultFiles.readAll(results);
        List<Path> expectedOrder = Stream.of(a, b, c).sorted().toList();
        assertEquals(expectedOrder.stream().map(ResultFiles::read).toList(), all);
        assertEquals(3, all.size());
    }

    @Test
    void anAbsentDirectoryHoldsNoResults() {
        assertEquals(List.of(), ResultFiles.readAll(results.resolve("nothing-here")));
    }

    @Test
    void oneCorruptFileFailsReadAllNamingIt() throws IOException {
        ResultFiles.write(results, sample("a", "a()"));
        Path broken = Files.writeString(results.resolve("zz.json"), "{oops");
        ResultFileException error = assertThrows(ResultFileException.class, () -> ResultFiles.readAll(results));
        assertEquals(broken, error.file());
    }

    @Test
    void declaredResultsRoundTripWithoutMeasurement() {
        TestResult declared = TestResult.declared(ResultKind.JUNIT, "[engine:junit-jupiter]/[method:x()]", "com.example.X", "x",
                "x()", List.of(TestData.gate("LatencyGate", "p95", "1ms")), TestData.WORKLOAD);
        TestResult read = ResultFiles.read(ResultFiles.write(results, declared));
        assertEquals(declared, read);
        assertEquals(ResultStatus.DECLARED, read.status());
        assertNull(read.measurement());
    }

    @Test
    void atomicWritesReplaceWholeFiles() throws IOException {
        Path file = results.resolve("sub/dir/report.txt");
        AtomicFiles.write(file, "first, long content");
        AtomicFiles.write(file, "second");
        assertEquals("second", Files.readString(file, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of("report.txt"), files.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void writtenFilesAreAsReadableAsAnyOtherNewFile() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(results.resolve("plain.txt"), "made the ordinary way");
        Path atomic = results.resolve("report.html");
        AtomicFiles.write(atomic, "made atomically");
        // the process umask decides, as for surefire's reports: no owner-only files
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void anUnwritableTargetNamesTheFile() throws IOException {
        Path blocker = Files.writeString(results.resolve("blocker"), "a file where a directory should be");
        Path file = blocker.resolve("result.json");
        ResultFileException error = assertThrows(ResultFileException.class, () -> AtomicFiles.write(file, "x"));
        assertTrue(error.getMessage().startsWith(file + ": cannot write: "), error.getMessage());
    }
}
