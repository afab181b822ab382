package io.perfgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.result.Json;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A display name is user text: whatever it holds, no format may execute, break or mention anything. */
class EscapingTest {
    private static final String HOSTILE = "[1] <script>alert(\"pwned\")</script><img src=x onerror=alert(1)>"
            + " | @channel & 'quotes' \u0007bell\nsecond line ]]> --> <!--";
    private static final CheckReport REPORT = ReportFixture.report(HOSTILE);

    @Test
    void htmlShowsTheNameButNeverRunsIt() {
        String html = new HtmlReportWriter().render(REPORT);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "a script element in the report");
        assertFalse(lower.contains("<img"), "an img element in the report");
        assertFalse(html.contains("<!--"), "an unescaped comment opener");
        assertFalse(html.contains("\u0007"));
        assertTrue(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"),
                "the name is shown, escaped");
        // attributes stay intact: every aria-label is one quoted value without a raw quote inside
        assertTrue(html.contains("aria-label=\"Latency percentiles of OrderApiPerfTest#searchOrders [[1] &lt;script&gt;"));
    }

    @Test
    void junitXmlStaysWellFormedAndCarriesTheName() {
        String xml = new JUnitXmlWriter().render(REPORT);
        assertFalse(xml.contains("<script"));
        Document document = ReportAssertions.parseXml(xml);
        NodeList cases = document.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        String expected = "searchOrders [[1] <script>alert(\"pwned\")</script><img src=x onerror=alert(1)> | @channel"
                + " & 'quotes' \uFFFDbell\nsecond line ]]> --> <!--] @LatencyGate";
        assertTrue(names.contains(expected), names.toString());
    }

    @Test
    void markdownEscapesHtmlPipesAndMentions() {
        String markdown = new MarkdownSummaryWriter().render(REPORT);
        assertFalse(markdown.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(markdown.toLowerCase(Locale.ROOT).contains("<img"));
        assertTrue(markdown.contains("\\[1\\] &lt;script&gt;alert(\"pwned\")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
                + " \\| `@channel` &amp; 'quotes' \uFFFDbell<br>second line \\]\\]&gt; --&gt; &lt;!--\\]"), markdown);
        // every row of a table has as many cell separators as its header
        List<String> lines = markdown.lines().toList();
        int expectedPipes = -1;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                expectedPipes = -1;
                continue;
            }
            int pipes = line.replace("\\|", "").length() - line.replace("\\|", "").replace("|", "").length();
            if (expectedPipes < 0) {
                expectedPipes = pipes;
            }
            assertEquals(expectedPipes, pipes, line);
        }
    }

    @Test
    void jsonCarriesTheNameExactly() throws Exception {
        JsonNode summary = Json.mapper().readTree(new JsonSummaryWriter().render(REPORT));
        List<String> displayNames = new ArrayList<>();
        summary.get("tests").forEach(test -> displayNames.add(test.get("displayName").asText()));
        assertTrue(displayNames.contains(HOSTILE), displayNames.toString());
    }
}
