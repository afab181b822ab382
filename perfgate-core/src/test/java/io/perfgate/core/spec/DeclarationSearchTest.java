package io.perfgate.core.spec;

import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.jmh.gates.FastPath;
import io.perfgate.core.jmh.gates.LatencyGate;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one search both readers use, and the one reading of what it finds. */
class DeclarationSearchTest {
    private final DeclarationSearch search = new DeclarationSearch(AnnotationSupport::findAnnotation);

    @LatencyGate(mean = "1ms")
    static class Outer {
        static class Inner {
            @LatencyGate(p50 = "1us")
            void onMethod() {
            }

            void plain() {
            }
        }
    }

    @LatencyGate(mean = "3ms")
    interface Contract {
    }

    static class Base {
    }

    static class Implementing implements Contract {
    }

    @LatencyGate(p99 = "4ms")
    static class Annotated extends Base {
    }

    static class Derived extends Annotated implements Contract {
        void run() {
        }
    }

    @FastPath
    static class Composed {
    }

    @LatencyGate(mean = "1ms")
    @FastPath
    static class Twice {
    }

    @LatencyGate(p50 = " ", p99 = " 50us ", level = LatencyGate.Severity.WARNING, allowInconclusive = true)
    static class Blank {
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getDeclaredMethod(name);
    }

    @Test
    void theMethodWinsOverItsClassAndTheClassOverItsEnclosingClass() throws NoSuchMethodException {
        List<Class<?>> outward = List.of(Outer.Inner.class, Outer.class);

        Optional<DeclarationSearch.Found<LatencyGate>> onMethod = search.nearest(
                method(Outer.Inner.class, "onMethod"), "Inner#onMethod", outward, LatencyGate.class);
        Optional<DeclarationSearch.Found<LatencyGate>> enclosing = search.nearest(
                method(Outer.Inner.class, "plain"), "Inner#plain", outward, LatencyGate.class);

        assertEquals("1us", onMethod.orElseThrow().annotation().p50());
        assertEquals("Inner#onMethod", onMethod.orElseThrow().declaredOn());
        assertEquals("1ms", enclosing.orElseThrow().annotation().mean());
        assertEquals("class DeclarationSearchTest$Outer", enclosing.orElseThrow().declaredOn());
    }

    @Test
    void superclassesComeBeforeInterfaces() throws NoSuchMethodException {
        DeclarationSearch.Found<LatencyGate> found = search.nearest(method(Derived.class, "run"), "Derived#run",
                List.of(Derived.class), LatencyGate.class).orElseThrow();

        assertEquals("class DeclarationSearchTest$Annotated", found.declaredOn());
        assertEquals("interface DeclarationSearchTest$Contract",
                search.onClassOrSupertypes(Implementing.class, LatencyGate.class).orElseThrow().declaredOn());
    }

    @Test
    void aComposedAnnotationCountsWhereItIsAndSaysSo() {
        DeclarationSearch.Found<LatencyGate> found = search.at(Composed.class, "class Composed", LatencyGate.class)
                .orElseThrow();

        assertEquals("class Composed via @FastPath", found.declaredOn());
        assertEquals("2us", found.annotation().mean());
    }

    @Test
    void twoOfOneTypeAtOnePlaceAreAnErrorNamingHowEachWasFound() {
        InvalidGateException error = assertThrows(InvalidGateException.class,
                () -> search.at(Twice.class, "class Twice", LatencyGate.class));

        assertEquals("@LatencyGate is declared 2 times on class Twice (directly, via @FastPath); declare it once per"
                + " method or class", error.getMessage());
    }

    @Test
    void classesAreNamedAsTheReaderAsks() {
        DeclarationSearch dotted = new DeclarationSearch(AnnotationSupport::findAnnotation,
                type -> type.getSimpleName());

        assertEquals("class Outer", dotted.onClassOrSupertypes(Outer.class, LatencyGate.class).orElseThrow()
                .declaredOn());
    }

    @Test
    void blankAttributesAreUnsetValuesStrippedAndTheLevelReadByName() {
        LatencyGate annotation = Blank.class.getAnnotation(LatencyGate.class);

        GateDeclaration written = GateAnnotations.written(annotation, "class Blank", null);

        assertEquals(new GateDeclaration("LatencyGate", Level.WARNING, true, "class Blank", Map.of("p99", "50us"),
                null), written);
        assertEquals(50_000, GateAnnotations.read(annotation, "class Blank", "class Blank", null).bounds()
                .values().iterator().next().threshold());
        assertTrue(GateAnnotations.typeOf(LatencyGate.class, "io.perfgate.junit").isEmpty(),
                "a look-alike from another package is no gate of ours");
        assertEquals(io.perfgate.core.gate.GateType.LATENCY,
                GateAnnotations.typeOf(LatencyGate.class, "io.perfgate.core.jmh.gates").orElseThrow());
    }
}
