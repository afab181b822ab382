package io.perfgate.core.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupTest {

    @Test
    void escapesMarkupCharactersForHtmlAndXml() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
                Markup.escape("<script>alert(\"x\") & 'y'</script>"));
        assertEquals("", Markup.escape(null));
        assertEquals("plain ü € 😀", Markup.escape("plain ü € 😀"));
    }

    @Test
    void replacesCharactersXmlForbids() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\ttab\nline", Markup.escape("a\u0000b\u0007c\uD800d\ttab\nline"));
        assertEquals("\uFFFD\uFFFD", Markup.escape("\uFFFE\u0085"));
    }

    @Test
    void keepsLineBreaksInAttributes() {
        assertEquals("one&#10;two&#13;three&#9;four", Markup.escapeAttribute("one\ntwo\rthree\tfour"));
    }

    @Test
    void escapesMarkdownTableCells() {
        assertEquals("a \\| b &lt;script&gt; &amp; \\*bold\\* \\_x\\_ \\[link\\](y) \\`code\\` \\\\ \"q\" 'q'",
                Markdown("a | b <script> & *bold* _x_ [link](y) `code` \\ \"q\" 'q'"));
        assertEquals("line one<br>line two<br>three", Markdown("line one\r\nline two\nthree"));
        assertEquals("", Markdown(null));
    }

    @Test
    void putsMentionsInCodeSoTheyPingNobody() {
        assertEquals("`@LatencyGate`(p95 = \"1 ms\") on `@channel`, mail a@b.example",
                Markdown("@LatencyGate(p95 = \"1 ms\") on @channel, mail a@b.example"));
        assertEquals("`@Some-Team` \\| `@x`", Markdown("@Some-Team | @x"));
    }

    private static String Markdown(String text) {
        return Markup.markdownCell(text);
    }

    @Test
    void bidirectionalControlsAreShownNotObeyed() {
        String name = "check\u202Eexe.txt\u202C \u2066iso\u2069 \u200Emark\u200F \u061C";
        assertEquals("check[U+202E]exe.txt[U+202C] [U+2066]iso[U+2069] [U+200E]mark[U+200F] [U+061C]",
                Markup.escape(name));
        assertEquals("a\\[U+202E\\]b", Markup.markdownCell("a\u202Eb"));
        String escaped = Markup.escapeAttribute("\u202D\u202A\u202B\u2067\u2068");
        assertEquals("[U+202D][U+202A][U+202B][U+2067][U+2068]", escaped);
        assertEquals("\u05D0\u05D1 arabic \u0627", Markup.escape("\u05D0\u05D1 arabic \u0627"),
                "right-to-left letters themselves are text, kept");
    }
}
