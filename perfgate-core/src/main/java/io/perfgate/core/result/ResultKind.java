package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What produced a result; written as {@code junit}, {@code jmh}, {@code load} or {@code lighthouse}, as result files always held it. */
public enum ResultKind {
    /** A gated JUnit test, recorded by the perfgate extension. */
    JUNIT,
    /** A JMH benchmark, run by {@code perfgate:jmh}. */
    JMH,
    /** An HTTP load scenario, from a {@code @LoadTest} or a scenario file. */
    LOAD,
    /** A web page measured by Lighthouse, run (or imported) by {@code perfgate:lighthouse}. */
    LIGHTHOUSE;

    /** The name in result files: {@code junit}. */
    @JsonValue
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ResultKind fromFileName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.fileName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown result kind '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(ResultKind::fileName).toList()));
    }

    @Override
    public String toString() {
        return fileName();
    }
}
