package io.perfgate.core.database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns SQL text into the key statements are counted under: literals become {@code ?}, comments go,
 * whitespace collapses and {@code IN (?, ?, ?)} becomes {@code IN (?)}, so
 * {@code select * from line where order_id = 17} and {@code ... = 18} are the same statement.
 * Quoted identifiers and keywords are kept as written.
 */
public final class SqlNormalizer {

    /** Keys longer than this are cut, so a generated statement cannot bloat a result file. */
    static final int MAX_LENGTH = 1000;
    private static final int CACHE_LIMIT = 10_000;
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\b(in) ?\\( ?\\?(?: ?, ?\\?)+ ?\\)");

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlNormalizer() {
    }

    /** The normalized form, cached for statements seen before (Statement.execute(sql) calls come often). */
    public static String normalize(String sql) {
        if (sql == null) {
            return "(no SQL)";
        }
        String cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        String normalized = compute(sql);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(sql, normalized);
        }
        return normalized;
    }

    static String compute(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH + 16));
        int n = sql.length();
        int i = 0;
        boolean pendingSpace = false;
        while (i < n && out.length() <= MAX_LENGTH) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                pendingSpace = out.length() > 0;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
                out.append('?');
            } else if (c == '"' || c == '`') {
                int end = skipQuoted(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                i++; // $1: a positional parameter
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                out.append('?');
            } else if (c == '$') {
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = tagEnd < 0 ? null : sql.substring(i, tagEnd + 1);
                if (tag != null && tag.chars().skip(1).limit(tag.length() - 2L)
                        .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                    int close = sql.indexOf(tag, tagEnd + 1); // dollar-quoted string
                    i = close < 0 ? n : close + tag.length();
                    out.append('?');
                } else {
                    out.append(c);
                    i++;
                }
            } else if (Character.isDigit(c) && !partOfIdentifier(out)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++; // 42, 4.2, 1e10, 0x1F
                }
                out.append('?');
            } else {
                out.append(c);
                i++;
            }
        }
        String text = IN_LIST.matcher(out).replaceAll("$1 (?)");
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }

    /** The index just past a quoted run that starts at {@code start}; a doubled quote stays inside. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean partOfIdentifier(StringBuilder out) {
        if (out.length() == 0) {
            return false;
        }
        char previous = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(previous) || previous == '_' || previous == '$';
    }
}
