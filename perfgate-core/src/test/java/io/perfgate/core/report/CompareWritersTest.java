package io.perfgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.compare.CompareAnalysis;
import io.perfgate.core.compare.CompareFixture;
import io.perfgate.core.compare.CompareReport;
import io.perfgate.core.gate.Level;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareWritersTest {

    private final TestResult slower = CompareFixture.gated("slower", Level.BLOCKING);
    private final TestResult added = CompareFixture.gated("added<script>", Level.BLOCKING);
    private final TestResult page = TestResult.declared(ResultKind.LIGHTHOUSE, "page:pages.yaml#home", "pages.yaml",
            "home", "home", slower.gates(), null);

    private CompareReport report() {
        Map<TestResult, Double> factors = new LinkedHashMap<>();
        factors.put(slower, 1.5);
        return CompareAnalysis.of(CompareFixture.BASE, List.of(new CompareAnalysis.Schedule("tests",
                List.of(slower, added), CompareFixture.runs(8, factors, Set.of(added.id())))),
                CompareAnalysis.leftOut(List.of(page), Set.of()), CompareFixture.comparator(), "target/forks");
    }

    @Test
    void jsonHoldsEachPairAndTheOutcome() throws Exception {
        JsonNode root = Json.mapper().readTree(new CompareJsonWriter().render(report()));
        assertEquals("1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d", root.get("base").get("commit").asText());
        assertEquals(8, root.get("pairsRun").asInt());
        assertTrue(root.get("blocking").asBoolean());
        JsonNode metric = root.get("tests").get(0).get("metrics").get(0);
        assertEquals("p95", metric.get("metric").asText());
        assertEquals("ns", metric.get("unit").asText());
        assertEquals("REGRESSED", metric.get("outcome").asText());
        assertEquals(8, metric.get("pairs").size());
        assertTrue(metric.get("pairs").get(0).get("head").asDouble() > metric.get("pairs").get(0).get("base").asDouble());
        assertEquals("NEW", root.get("tests").get(1).get("status").asText());
        assertEquals("junit", root.get("tests").get(0).get("kind").asText());
        JsonNode leftOut = root.get("tests").get(2);
        assertEquals("LEFT_OUT", leftOut.get("status").asText());
        assertEquals("lighthouse", leftOut.get("kind").asText());
        assertTrue(root.get("headline").asText().contains("Compared 1 of 3 gated results (2 tests, 1 page)"),
                root.get("headline").asText());
        assertTrue(root.get("headline").asText().endsWith(", left out: 1"), root.get("headline").asText());
    }

    @Test
    void markdownReadsAsAPullRequestComment() {
        String markdown = new CompareMarkdownWriter().render(report());
        assertTrue(markdown.startsWith("## perfgate compare: ❌ regressed\n\n"), markdown);
        assertTrue(markdown.contains("| OrderApiPerfTest#slower | p95 | "), markdown);
        assertTrue(markdown.contains(" | +20% | ❌ REGRESSED |"), markdown);
        assertTrue(markdown.contains("- **OrderApiPerfTest#added&lt;script&gt;**: 🆕 new in head"), markdown);
        // what compare did not measure is named in the pull request too, not only on the console
        assertTrue(markdown.contains("- **pages.yaml#home**: ⏭️ not compared with the base: compare runs no browser;"
                + " perfgate:check judges it against its bounds and the baseline"), markdown);
    }

    @Test
    void htmlDrawsBothSidesPairByPairAndEscapesNames() {
        String html = new CompareHtmlWriter().render(report());
        assertTrue(html.contains("<div class=\"status s-FAILED\">Blocking regression</div>"), html);
        assertTrue(html.contains("<svg class=\"pairs\""), html);
        assertEquals(2, html.split("<polyline", -1).length - 1, "one line per side");
        assertEquals(16, html.split("<circle", -1).length - 1, "a dot per fork");
        assertFalse(html.contains("added<script>"));
        assertTrue(html.contains("added&lt;script&gt;"));
    }
}
