package io.perfgate.core.recommend;

/**
 * What made a rule fire, in words a reader can check against the report.
 *
 * @param figure    what was measured: {@code GC time share}
 * @param value     the measured value as text: {@code 23%}
 * @param threshold the rule's threshold as text: {@code 10%}
 * @param detail    the numbers behind the value: {@code 2.3 s of GC in a 10 s run}
 */
public record Evidence(String figure, String value, String threshold, String detail) {

    /** {@code GC time share 23% is beyond 10% (2.3 s of GC in a 10 s run)}. */
    public String describe() {
        return figure + " " + value + " is beyond " + threshold + " (" + detail + ")";
    }
}
