package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.frontend.FormFactor;
import io.perfgate.core.frontend.FrontendResults;
import io.perfgate.core.frontend.PageDefinition;
import io.perfgate.core.frontend.Throttling;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.Level;
import io.perfgate.core.result.FrontendDetails;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontendSectionTest {
    private static final String SHOT = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";

    @Test
    void showsEachMetricAgainstItsBoundWithRunsSpreadScreenshotAndLinks() {
        String html = render(SHOT, "lighthouse/home/run-1.report.html");
        assertTrue(html.contains("<tr><td>LCP</td><td class=\"num\">2.1 s</td><td>2 s, 2.5 s, 2.1 s</td>"
                + "<td class=\"num\">23.8%</td><td>4s</td><td><span class=\"badge b-PASS\">PASS</span></td></tr>"), html);
        assertTrue(html.contains("<tr><td>FCP</td><td class=\"num\">800 ms</td><td>800 ms, 800 ms, 800 ms</td>"
                + "<td class=\"num\">0%</td><td></td><td></td></tr>"), "unbounded metrics are shown too");
        assertTrue(html.contains("<img src=\"" + SHOT + "\""));
        assertTrue(html.contains("<a href=\"lighthouse/home/run-1.report.html\">run 1</a>"));
        assertTrue(html.contains("http://127.0.0.1:8080/ &middot; desktop, throttling simulate, Lighthouse 12.2.3"));
    }

    @Test
    void onlyLighthousesImagesAreEmbeddedAndLinksAreEscaped() {
        String html = render("javascript:alert(1)", "a\"onmouseover=\"x.html");
        assertFalse(html.contains("javascript:alert"));
        assertTrue(html.contains("href=\"a&quot;onmouseover=&quot;x.html\""), html);
    }

    private static String render(String screenshot, String link) {
        List<FrontendDetails.Run> runs = List.of(
                new FrontendDetails.Run(Map.of("lcp", 2.0e9, "fcp", 8e8), link, null, null),
                new FrontendDetails.Run(Map.of("lcp", 2.5e9, "fcp", 8e8), null, null, null),
                new FrontendDetails.Run(Map.of("lcp", 2.1e9, "fcp", 8e8), null, null, null));
        PageDefinition page = new PageDefinition("lighthouse.yaml", "home", URI.create("http://127.0.0.1:8080/"),
                List.of(), 3, FormFactor.DESKTOP, Throttling.SIMULATE, 0.25, List.of(new GateDeclaration(
                GateType.FRONTEND.declarationName(), Level.BLOCKING, false, "lighthouse.yaml page 'home'",
                Map.of("lcp", "4s"), null)));
        FrontendDetails details = new FrontendDetails("http://127.0.0.1:8080/", "desktop", "simulate", "12.2.3", runs,
                null, 0.25, screenshot);
        return new HtmlReportWriter().render(CheckReport.of("shop", "target/perfgate/index.html",
                List.of(FrontendResults.completed(page, details, 1))));
    }
}
