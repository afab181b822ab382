package io.perfgate.core.aggregate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateReportTest {
    @TempDir
    Path root;

    private Path module(String name, String status, int tests, int failed, boolean blocking, String outcome)
            throws IOException {
        Path perfgate = Files.createDirectories(root.resolve(name).resolve("target/perfgate"));
        Files.writeString(perfgate.resolve("summary.json"), "{\"schemaVersion\":\"1.0\",\"status\":\"" + status
                + "\",\"blocking\":" + blocking + ",\"counts\":{\"tests\":" + tests + ",\"passed\":" + (tests - failed)
                + ",\"warned\":0,\"failed\":" + failed + ",\"inconclusive\":0,\"skipped\":0},"
                + "\"baseline\":{\"blocking\":false,\"comparisons\":[{\"outcome\":\"" + outcome + "\"}]}}");
        Files.writeString(perfgate.resolve("summary.md"), "## perfgate: " + status + "\n\n### Violations\n\nNone.\n");
        return perfgate;
    }

    @Test
    void listsEveryModuleWithItsCountsAndNestsTheirSummaries() throws IOException {
        Path orders = module("orders", "PASSED", 2, 0, false, "UNCHANGED");
        Path payments = module("payments", "FAILED", 3, 1, true, "REGRESSED");
        Path docs = Files.createDirectories(root.resolve("docs/target/perfgate"));
        Path unchecked = Files.createDirectories(root.resolve("legacy/target/perfgate/results"));
        Files.writeString(unchecked.resolve("abc.json"), "{}");

        AggregateReport report = new AggregateReport("shop <root>", List.of(
                ModuleReport.read("orders", "../../orders/target/perfgate/index.html", orders),
                ModuleReport.read("payments", "../../payments/target/perfgate/index.html", payments),
                ModuleReport.read("docs", "../../docs/target/perfgate/index.html", docs),
                ModuleReport.read("legacy", "../../legacy/target/perfgate/index.html", unchecked.getParent())));

        assertEquals("perfgate: FAILED - 2 of 4 modules with perf tests, 1 with blocking violations or regressions,"
                + " 1 not checked", report.headline());
        String markdown = report.markdown(List.of("orders"));
        assertTrue(markdown.startsWith("## perfgate: FAILED"), markdown);
        assertTrue(markdown.contains("| orders | PASSED | 2 | 2 | 0 | 0 | 0 | 0 | 0 |"), markdown);
        assertTrue(markdown.contains("| payments | FAILED | 3 | 2 | 0 | 1 | 0 | 0 | 1 |"), markdown);
        assertTrue(markdown.contains("| docs | no perf tests |"), markdown);
        assertTrue(markdown.contains("- legacy: results in "), markdown);
        assertTrue(markdown.contains("### Module payments\n\n#### perfgate: FAILED\n\n##### Violations"), markdown);
        assertFalse(markdown.contains("### Module orders"), "its check appended its own summary already");

        Path written = report.write(root.resolve("target/perfgate-aggregate"));
        String html = Files.readString(root.resolve("target/perfgate-aggregate/index.html"));
        assertTrue(html.contains("<title>shop &lt;root&gt; - perfgate</title>"), html);
        assertTrue(html.contains("<a href=\"../../payments/target/perfgate/index.html\">"), html);
        assertTrue(html.contains("<td class=\"FAILED\">FAILED</td>"), html);
        assertEquals(report.markdown(), Files.readString(written));
    }

    @Test
    void namesAreEscapedAsInEveryOtherReport() throws IOException {
        Path orders = module("orders", "PASSED", 1, 0, false, "UNCHANGED");
        String name = "ord\u202Eers <b>|@Team_a";

        AggregateReport report = new AggregateReport("shop\u202E", List.of(ModuleReport.read(name, "x", orders)));

        String html = report.html();
        assertTrue(html.contains("<td>ord[U+202E]ers &lt;b&gt;|@Team_a</td>"), html);
        assertTrue(html.contains("<h1>shop[U+202E]</h1>"), html);
        assertFalse(html.contains("\u202E"), "a bidi override is shown, not obeyed");
        String markdown = report.markdown();
        String cell = "ord\\[U+202E\\]ers &lt;b&gt;\\|`@Team`\\_a";
        assertTrue(markdown.contains("| " + cell + " | PASSED |"), markdown);
        assertTrue(markdown.contains("### Module " + cell + "\n"), markdown);
    }

    @Test
    void anUnreadableSummaryIsNamedNotFatal() throws IOException {
        Path broken = Files.createDirectories(root.resolve("broken/target/perfgate"));
        Files.writeString(broken.resolve("summary.json"), "{ not json");

        ModuleReport module = ModuleReport.read("broken", "x", broken);

        assertEquals(ModuleReport.State.UNREADABLE, module.state());
        assertTrue(module.problem().contains("summary.json"), module.problem());
        assertEquals("UNREADABLE", module.status());
    }
}
