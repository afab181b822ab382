package io.perfgate.core.frontend;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The device Lighthouse emulates: a mid-range phone (its default) or a desktop (its desktop preset). */
public enum FormFactor {
    MOBILE(List.of("--form-factor=mobile")),
    DESKTOP(List.of("--preset=desktop"));

    private final List<String> arguments;

    FormFactor(List<String> arguments) {
        this.arguments = arguments;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lighthouse CLI arguments. */
    public List<String> arguments() {
        return arguments;
    }

    public static FormFactor of(String text, String source) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(value -> value.label().equals(wanted)).findFirst()
                .orElseThrow(() -> new FrontendConfigurationException(source + ": unknown form factor '" + text
                        + "'; expected mobile or desktop"));
    }
}
