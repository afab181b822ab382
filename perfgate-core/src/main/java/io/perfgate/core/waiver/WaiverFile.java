package io.perfgate.core.waiver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.perfgate.core.load.ScenarioFile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .perfgate/waivers.yaml}, streaming through the YAML tokens so every error names the line:
 * <pre>
 * waivers:
 *   - test: OrderTest#create
 *     metric: p95            # or gate: LatencyGate, or both; neither waives every gate of the test
 *     reason: pricing rewrite lands in PRJ-42
 *     approver: alice
 *     expires: 2026-12-31    # the last day it applies
 * </pre>
 */
public final class WaiverFile {
    /** Where a project keeps its waivers, beside its baselines. */
    public static final String DEFAULT_NAME = "waivers.yaml";

    private static final Set<String> KEYS = Set.of("test", "gate", "metric", "reason", "approver", "expires");
    private static final List<String> REQUIRED = List.of("test", "reason", "approver", "expires");

    private WaiverFile() {
    }

    /**
     * The waivers in {@code file}; none when it does not exist.
     *
     * @param shownAs the file as messages name it ({@code .perfgate/waivers.yaml})
     * @throws WaiverFileException for a malformed file, an unknown key, a missing field or a bad date
     */
    public static List<Waiver> read(Path file, String shownAs) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, shownAs);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new WaiverFileException("cannot read " + shownAs + ": " + e, e);
        }
    }

    static List<Waiver> parse(Reader reader, String shownAs) throws IOException {
        try {
            return waivers(reader, shownAs);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new WaiverFileException(shownAs + " line " + line + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static List<Waiver> waivers(Reader reader, String shownAs) throws IOException {
        List<Waiver> waivers = new ArrayList<>();
        try (JsonParser parser = ScenarioFile.yamlMapper().getFactory().createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return waivers; // an empty file waives nothing
            }
            expect(parser, token == JsonToken.START_OBJECT, shownAs, "the file must start with 'waivers:'");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int line = line(parser);
                String name = parser.currentName();
                expect(parser, name.equals("waivers"), shownAs, "unknown key '" + name + "': the file holds one key,"
                        + " 'waivers:', a list of waivers");
                token = parser.nextToken();
                if (token == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (token != JsonToken.START_ARRAY) {
                    throw error(shownAs, line, "'waivers' must be a list ('- test: ...' items)");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    waivers.add(waiver(parser, shownAs));
                }
            }
        }
        return waivers;
    }

    private static Waiver waiver(JsonParser parser, String shownAs) throws IOException {
        int itemLine = line(parser);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(shownAs, itemLine, "a waiver must be a map with test, reason, approver and expires");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = line(parser);
            if (!KEYS.contains(key)) {
                throw error(shownAs, line, "unknown key '" + key + "' in a waiver; the keys are " + sorted());
            }
            JsonToken value = parser.nextToken();
            if (!value.isScalarValue()) {
                throw error(shownAs, line, "'" + key + "' must be a single value");
            }
            values.put(key, value == JsonToken.VALUE_NULL ? null : parser.getText().strip());
            lines.put(key, line);
        }
        String where = "waiver" + (values.get("test") == null ? "" : " for " + values.get("test"));
        for (String key : REQUIRED) {
            String value = values.get(key);
            if (value == null || value.isEmpty()) {
                throw error(shownAs, lines.getOrDefault(key, itemLine), where + " has no " + key + ": " + hint(key));
            }
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(values.get("expires"));
        } catch (DateTimeParseException e) {
            throw error(shownAs, lines.get("expires"), where + ": expires '" + values.get("expires")
                    + "' is not a date; write it as YYYY-MM-DD, the last day the waiver applies");
        }
        return new Waiver(values.get("test"), blankToNull(values.get("gate")), blankToNull(values.get("metric")),
                values.get("reason"), values.get("approver"), expires, shownAs + " line " + itemLine);
    }

    private static String hint(String key) {
        return switch (key) {
            case "approver" -> "add 'approver: <who approved the exception>'; a waiver needs an approval";
            case "expires" -> "add 'expires: YYYY-MM-DD'; a waiver must end";
            case "reason" -> "add 'reason: <why the violation is accepted for now>'";
            default -> "add 'test: <Class#method>', the test whose violation is waived";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String sorted() {
        return String.join(", ", new java.util.TreeSet<>(KEYS));
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static void expect(JsonParser parser, boolean condition, String shownAs, String message) {
        if (!condition) {
            throw error(shownAs, line(parser), message);
        }
    }

    private static WaiverFileException error(String shownAs, int line, String message) {
        return new WaiverFileException(shownAs + " line " + line + ": " + message);
    }
}
