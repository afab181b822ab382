package io.perfgate.core.report;

import io.perfgate.core.profile.ProfileDiff;
import io.perfgate.core.profile.ProfileSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flame graphs perfgate writes: well-formed SVG, every name escaped, the differential coloured by change. */
class FlameGraphSvgTest {

    private static ProfileSummary profile(long constructor, long other) {
        return new ProfileSummary(1_000_000_000L, 10, constructor + other,
                List.of("shop.Test.run", "shop.Order.<init>", "shop.A&B.m\"x'</text><script>"),
                List.of(new ProfileSummary.FoldedStack("0;1", constructor), new ProfileSummary.FoldedStack("0;2", other)),
                List.of(), List.of(), 0, 0, null);
    }

    @Test
    void everyNameIsEscaped() {
        String svg = FlameGraphSvg.of(profile(70, 30), "Flame graph of Test#run <1>");

        ReportAssertions.parseXml(svg);
        assertFalse(svg.contains("<init>"), svg);
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("shop.Order.&lt;init&gt; \u2014 70 samples, 70.0%"), svg);
        assertTrue(svg.contains("A&amp;B.m&quot;x&#39;&lt;/text&gt;&lt;script&gt;")
                || svg.contains("A&amp;B.m\"x'&lt;/text&gt;&lt;script&gt;"), svg);
        assertTrue(svg.contains("aria-label=\"Flame graph of Test#run &lt;1&gt;\""), svg);
    }

    @Test
    void theDifferentialIsRedWhereTheShareGrewAndBlueWhereItShrank() {
        ProfileDiff diff = ProfileDiff.of(profile(30, 70), profile(70, 30)).orElseThrow();

        String svg = FlameGraphSvg.differential(diff, "Differential flame graph of Test#run");

        ReportAssertions.parseXml(svg);
        assertTrue(svg.contains("shop.Order.&lt;init&gt; \u2014 70 samples, 70.0%, +40.0% against the baseline</title>"
                + "<rect x=\"0.0\" y=\"0.0\" width=\"699.5\" height=\"15\" fill=\"rgb(255,55,55)\"/>"), svg);
        assertTrue(svg.contains("-40.0% against the baseline</title><rect x=\"700.0\" y=\"0.0\" width=\"299.5\""
                + " height=\"15\" fill=\"rgb(55,55,255)\"/>"), svg);
        assertEquals("rgb(255,255,255)", FlameGraphSvg.diffColour(0));
    }

    @Test
    void aProfileWithoutSamplesDrawsNothing() {
        assertEquals("", FlameGraphSvg.of(profile(0, 0), "empty"));
    }
}
