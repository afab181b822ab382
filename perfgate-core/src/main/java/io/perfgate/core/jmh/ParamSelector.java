package io.perfgate.core.jmh;

import io.perfgate.core.gate.InvalidGateException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code @Param} values a gate applies to: {@code size=10000}, several parameters separated by commas
 * ({@code size=10000, codec=json}), several values of one parameter separated by {@code |}
 * ({@code size=1000|10000}). A run matches when it has every named parameter with one of the given values;
 * the empty selector matches every run. Of two gates of one kind that match a run, the one naming more
 * parameters wins.
 *
 * @param values the accepted values per parameter name, in the order written
 */
public record ParamSelector(Map<String, Set<String>> values) {
    /** Matches every parameter set. */
    public static final ParamSelector ANY = new ParamSelector(Map.of());
    /** The attribute ({@code params = "size=10000"}) and pom element ({@code <params>}) that carry a selector. */
    public static final String ATTRIBUTE = "params";

    public ParamSelector {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        values.forEach((name, accepted) -> copy.put(name, Collections.unmodifiableSet(new LinkedHashSet<>(accepted))));
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code name=value[|value...][, name=value...]}; blank or null is {@link #ANY}.
     *
     * @param where names the declaration in errors
     * @throws InvalidGateException for an entry without {@code =}, an empty name or value, or a name given twice
     */
    public static ParamSelector parse(String text, String where) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            Set<String> accepted = new LinkedHashSet<>();
            if (equals >= 0) {
                for (String value : entry.substring(equals + 1).split("\\|", -1)) {
                    accepted.add(value.strip());
                }
            }
            if (name.isEmpty() || accepted.isEmpty() || accepted.contains("")) {
                throw new InvalidGateException(where + ": params = \"" + text + "\": expected name=value pairs"
                        + " separated by commas, such as size=10000 or size=1000|10000, codec=json");
            }
            if (values.put(name, accepted) != null) {
                throw new InvalidGateException(where + ": params = \"" + text + "\" names " + name + " twice; list its"
                        + " values with |, such as " + name + "=10|100");
            }
        }
        return new ParamSelector(values);
    }

    /** Whether a run with these parameters is selected. */
    public boolean matches(Map<String, String> params) {
        return values.entrySet().stream().allMatch(entry -> entry.getValue().contains(params.get(entry.getKey())));
    }

    /** The more parameters a selector names, the more specific it is. */
    public int specificity() {
        return values.size();
    }

    public boolean isAny() {
        return values.isEmpty();
    }

    /** As written back: {@code size=1000|10000, codec=json}. */
    public String text() {
        return values.entrySet().stream().map(entry -> entry.getKey() + "=" + String.join("|", entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Whether any of the parameter sets run is selected. */
    public boolean matchesAny(List<Map<String, String>> paramsRun) {
        return paramsRun.stream().anyMatch(this::matches);
    }
}
