package io.perfgate.core.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {name}} placeholders, split once so filling it costs a few appends. In valid JSON a
 * {@code {name}} can only stand inside a string, so bodies use the same syntax without ambiguity.
 */
final class Template {
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    enum Escaping { NONE, PATH }

    private final String text;
    private final List<String> literals;
    private final List<String> names;
    private final Escaping escaping;

    private Template(String text, List<String> literals, List<String> names, Escaping escaping) {
        this.text = text;
        this.literals = literals;
        this.names = names;
        this.escaping = escaping;
    }

    static Template compile(String text, Escaping escaping) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            literals.add(text.substring(last, matcher.start()));
            names.add(matcher.group(1));
            last = matcher.end();
        }
        literals.add(text.substring(last));
        return new Template(text, List.copyOf(literals), List.copyOf(names), escaping);
    }

    boolean isConstant() {
        return names.isEmpty();
    }

    List<String> variables() {
        return names;
    }

    /** Checks every placeholder names a known variable; {@code where} names the field in the error. */
    void requireKnown(Set<String> known, String where) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw new LoadConfigurationException(where + " uses {" + name + "}, which no earlier step captures;"
                        + " known here: " + known.stream().sorted().map(n -> "{" + n + "}").toList());
            }
        }
    }

    String fill(Map<String, String> values) {
        if (names.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < names.size(); i++) {
            out.append(literals.get(i));
            String value = values.get(names.get(i));
            if (value == null) {
                value = "";
            }
            out.append(escaping == Escaping.PATH
                    ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value);
        }
        out.append(literals.get(names.size()));
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
