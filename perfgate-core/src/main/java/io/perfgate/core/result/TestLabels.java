package io.perfgate.core.result;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Labels that tell every test of one run apart. {@link TestResult#label()} names a test by its simple class name
 * ({@code OrderTest#create}); where two classes of different packages share that name, each gets as many trailing
 * package segments as it takes to differ ({@code billing.OrderTest#create}, {@code shipping.OrderTest#create}).
 * Every output (console, reports, baseline lines) names tests through the one function this returns, so they agree.
 */
public final class TestLabels {

    private TestLabels() {
    }

    /**
     * The label of each of these results: every test of a class whose simple name another class of the run shares
     * is qualified; any other result (or one not among these) keeps its own label.
     */
    public static Function<TestResult, String> distinct(Collection<TestResult> results) {
        Map<String, Set<String>> classesBySimpleName = new HashMap<>();
        for (TestResult result : results) {
            if (qualifiable(result)) {
                classesBySimpleName.computeIfAbsent(simpleName(result.className()), name -> new LinkedHashSet<>())
                        .add(result.className());
            }
        }
        Map<String, String> qualifiedByClass = new HashMap<>();
        for (Set<String> classes : classesBySimpleName.values()) {
            if (classes.size() > 1) {
                qualifiedByClass.putAll(shortestDistinct(new ArrayList<>(classes)));
            }
        }
        if (qualifiedByClass.isEmpty()) {
            return TestResult::label;
        }
        return result -> {
            String qualified = qualifiable(result) ? qualifiedByClass.get(result.className()) : null;
            if (qualified == null) {
                return result.label();
            }
            String simple = simpleName(result.className());
            return qualified + result.label().substring(simple.length());
        };
    }

    /** A Java test named by its simple class name; a scenario file's label already names the whole file. */
    private static boolean qualifiable(TestResult result) {
        return result.className() != null && result.label().startsWith(simpleName(result.className()));
    }

    /** Each class name shortened to the fewest trailing segments that no other of these classes ends with. */
    static Map<String, String> shortestDistinct(List<String> classNames) {
        Map<String, String> shortest = new LinkedHashMap<>();
        for (String className : classNames) {
            String[] segments = className.split("\\.");
            String candidate = className;
            for (int keep = 2; keep <= segments.length; keep++) {
                String suffix = String.join(".", java.util.Arrays.copyOfRange(segments, segments.length - keep, segments.length));
                boolean unique = classNames.stream().filter(other -> !other.equals(className))
                        .noneMatch(other -> other.equals(suffix) || other.endsWith("." + suffix));
                if (unique) {
                    candidate = suffix;
                    break;
                }
            }
            shortest.put(className, candidate);
        }
        return shortest;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
