package io.perfgate.core.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place report text is escaped. Display names and messages come from user code and may hold
 * {@code <script>}, quotes, pipes or control characters; every writer passes them through here, the
 * multi-module aggregate report ({@code io.perfgate.core.aggregate}) included.
 */
public final class Markup {
    /** A GitHub mention or a gate annotation: {@code @LatencyGate} would ping a user named LatencyGate. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w`])@[A-Za-z][A-Za-z0-9-]*");

    private Markup() {
    }

    /**
     * Escapes text for HTML and XML, in element content and in quoted attributes alike. Characters XML 1.0
     * forbids (most control characters, lone surrogates) become U+FFFD so the document stays well-formed;
     * bidirectional formatting characters are shown as {@code [U+202E]} ({@link #bidiControl}). Null is the empty
     * string.
     */
    public static String escape(String text) {
        return escape(text, false, true);
    }

    /**
     * Like {@link #escape} and also keeps line breaks and tabs of an XML attribute, which a parser would
     * otherwise normalise to spaces.
     */
    static String escapeAttribute(String text) {
        return escape(text, true, true);
    }

    private static String escape(String text, boolean attribute, boolean quotes) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(quotes ? "&quot;" : "\"");
                case '\'' -> out.append(quotes ? "&#39;" : "'");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append(attribute ? "&#13;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (bidiControl(c)) {
                        // shown, not obeyed: an override would make a name read differently from what it is
                        out.append(String.format(java.util.Locale.ROOT, "[U+%04X]", (int) c));
                    } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)
                            || (c >= 0x7F && c <= 0x9F)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Bidirectional formatting characters: embeddings and overrides (U+202A..U+202E), isolates (U+2066..U+2069),
     * the implicit marks (U+200E, U+200F, U+061C). In a test name they can make text display in an order other
     * than its own (the "Trojan Source" trick), so every format writes them as a visible {@code [U+202E]}.
     */
    static boolean bidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /**
     * Escapes text for one cell of a GitHub-flavoured Markdown table: HTML is escaped, pipes and Markdown
     * punctuation are backslash-escaped, line breaks become {@code <br>}, and {@code @Names} are put in code
     * spans so a PR comment never mentions anyone.
     */
    public static String markdownCell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher mention = MENTION.matcher(text);
        int from = 0;
        while (mention.find()) {
            out.append(markdownText(text.substring(from, mention.start())));
            out.append('`').append(mention.group()).append('`');
            from = mention.end();
        }
        out.append(markdownText(text.substring(from)));
        return out.toString();
    }

    private static String markdownText(String text) {
        // quotes need no escaping outside attributes; left as they are, the raw Markdown stays readable
        String html = escape(text.replace("\r\n", "\n"), false, false).replace("\n", "<br>");
        StringBuilder out = new StringBuilder(html.length() + 8);
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            // not '#' or '&': they belong to the entities escape() wrote
            if ("\\`*_[]|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
