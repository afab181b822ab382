package io.perfgate.core.waiver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaiverFileTest {
    private static final String FILE = ".perfgate/waivers.yaml";

    private static List<Waiver> parse(String yaml) throws IOException {
        return WaiverFile.parse(new StringReader(yaml), FILE);
    }

    private static String error(String yaml) {
        return assertThrows(WaiverFileException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsEveryFieldAndTheLineOfEachWaiver() throws IOException {
        List<Waiver> waivers = parse("""
                # approved exceptions
                waivers:
                  - test: OrderTest#create
                    metric: p95
                    reason: pricing rewrite lands in PRJ-42
                    approver: alice
                    expires: 2026-12-31
                  - test: shop.StockTest#count
                    gate: "@MemoryGate"
                    reason: "cache warm-up: see ADR 7"
                    approver: bob
                    expires: 2027-01-15
                """);
        assertEquals(List.of(
                new Waiver("OrderTest#create", null, "p95", "pricing rewrite lands in PRJ-42", "alice",
                        LocalDate.of(2026, 12, 31), FILE + " line 3"),
                new Waiver("shop.StockTest#count", "@MemoryGate", null, "cache warm-up: see ADR 7", "bob",
                        LocalDate.of(2027, 1, 15), FILE + " line 8")), waivers);
    }

    @Test
    void aMissingApproverNamesTheLineOfItsWaiver() {
        String message = error("""
                waivers:
                  - test: SomeTest#fine
                    reason: r
                    approver: alice
                    expires: 2026-12-31
                  - test: OrderTest#create
                    reason: r
                    expires: 2026-12-31
                """);
        assertEquals(FILE + " line 6: waiver for OrderTest#create has no approver: add 'approver: <who approved"
                + " the exception>'; a waiver needs an approval", message);
    }

    @Test
    void anEmptyApproverIsMissingToo() {
        String message = error("""
                waivers:
                  - test: OrderTest#create
                    reason: r
                    approver: ""
                    expires: 2026-12-31
                """);
        assertTrue(message.startsWith(FILE + " line 4: waiver for OrderTest#create has no approver"), message);
    }

    @Test
    void aWaiverWithoutExpiryIsAnError() {
        String message = error("""
                waivers:
                  - test: OrderTest#create
                    reason: r
                    approver: alice
                """);
        assertEquals(FILE + " line 2: waiver for OrderTest#create has no expires: add 'expires: YYYY-MM-DD';"
                + " a waiver must end", message);
    }

    @Test
    void aBadDateNamesItsLineAndTheFormat() {
        String message = error("""
                waivers:
                  - test: OrderTest#create
                    reason: r
                    approver: alice
                    expires: 31/12/2026
                """);
        assertEquals(FILE + " line 5: waiver for OrderTest#create: expires '31/12/2026' is not a date; write it as"
                + " YYYY-MM-DD, the last day the waiver applies", message);
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheKnownKeys() {
        String message = error("""
                waivers:
                  - test: OrderTest#create
                    reason: r
                    approvedBy: alice
                    approver: alice
                    expires: 2026-12-31
                """);
        assertEquals(FILE + " line 4: unknown key 'approvedBy' in a waiver; the keys are approver, expires, gate,"
                + " metric, reason, test", message);
    }

    @Test
    void anUnknownTopLevelKeyAndMalformedYamlAreErrors() {
        assertTrue(error("waiver:\n  - test: x\n").startsWith(FILE + " line 1: unknown key 'waiver'"));
        assertTrue(error("waivers: [\n  {test: x\n").startsWith(FILE + " line "), "malformed YAML names a line");
    }

    @Test
    void aMissingFileOrAnEmptyOneWaivesNothing(@TempDir Path directory) throws IOException {
        assertEquals(List.of(), WaiverFile.read(directory.resolve("waivers.yaml"), FILE));
        Path empty = Files.writeString(directory.resolve("empty.yaml"), "# nothing waived\n");
        assertEquals(List.of(), WaiverFile.read(empty, FILE));
        assertEquals(List.of(), parse("waivers:\n"));
    }

    @Test
    void gateAndMetricAreOptional() throws IOException {
        Waiver waiver = parse("waivers:\n  - {test: A#b, reason: r, approver: x, expires: 2026-01-01}\n").get(0);
        assertNull(waiver.gate());
        assertNull(waiver.metric());
    }
}
