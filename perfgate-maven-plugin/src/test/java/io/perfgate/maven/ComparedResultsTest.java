package io.perfgate.maven;

import io.perfgate.core.compare.ComparedTest;
import io.perfgate.core.gate.Level;
import io.perfgate.core.load.LoadPlan;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparedResultsTest {

    @TempDir
    Path results;

    private final List<String> warnings = new ArrayList<>();

    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }
    };

    private static TestResult gated(ResultKind kind, String className, String method, String gateType,
                                    String metric, String bound) {
        GateDeclaration gate = new GateDeclaration(gateType, Level.BLOCKING, false, "method " + method,
                Map.of(metric, bound), null);
        return TestResult.declared(kind, "[" + kind + "]" + className + "#" + method, className, method, method,
                List.of(gate), null);
    }

    /** Results holding a gated JUnit test, OrderTest#create, and {@code other}. */
    private void writeATestAnd(TestResult other) {
        ResultFiles.write(results, gated(ResultKind.JUNIT, "shop.OrderTest", "create", "LatencyGate", "p95", "200ms"));
        ResultFiles.write(results, other);
    }

    @Test
    void aGatedPageIsLeftOutForTheReportWhileTheTestsAreCompared() throws Exception {
        writeATestAnd(gated(ResultKind.LIGHTHOUSE, "pages.yaml", "catalogue", "FrontendGate", "lcp", "2.5s"));

        ComparedResults compared = ComparedResults.read(results, Map.of(), false, null, null, log);

        assertEquals(List.of("OrderTest#create"), compared.tests().stream().map(TestResult::label).toList());
        assertEquals(List.of("pages.yaml#catalogue"), compared.leftOut().stream().map(ComparedTest::label).toList());
        assertTrue(compared.leftOut().get(0).reason().startsWith("not compared with the base: compare runs no"
                + " browser"), compared.leftOut().get(0).reason());
        assertEquals(List.of(), warnings, "the report names it, once");
    }

    @Test
    void aLoadResultOutsideTheScenarioFileIsLeftOut() throws Exception {
        writeATestAnd(gated(ResultKind.LOAD, "shop.CheckoutLoadTest", "peak", "LatencyGate", "p95", "50ms"));

        ComparedResults compared = ComparedResults.read(results, Map.of(), true, null, null, log);

        assertEquals(List.of(), compared.scenarios());
        assertEquals(List.of(ComparedTest.Status.LEFT_OUT), compared.leftOut().stream().map(ComparedTest::status)
                .toList());
        assertTrue(compared.leftOut().get(0).reason().startsWith("not compared with the base: compare drives only the"
                + " scenario file's scenarios"), compared.leftOut().get(0).reason());
    }

    @Test
    void aScenarioCompareCannotDriveAlikeOrStartIsLeftOutWithWhy() throws Exception {
        TestResult shaped = gated(ResultKind.LOAD, "load.yaml", "browse", "LatencyGate", "p95", "50ms");
        TestResult probing = gated(ResultKind.LOAD, "load.yaml", "breaking", "LatencyGate", "p95", "50ms");
        ResultFiles.write(results, shaped);
        ResultFiles.write(results, probing);
        Map<String, LoadPlan> plans = Map.of(
                shaped.id(), new LoadPlan(LoadPlan.Kind.AS_SHAPED, null, null, null, null, null, null, 0, null, null),
                // normal load at a share of each service's own capacity: a slower version would be driven more gently
                probing.id(), new LoadPlan(LoadPlan.Kind.NORMAL, null, null, Duration.ofSeconds(5), null, null, null,
                        0, null, null));

        ComparedResults withService = ComparedResults.read(results, plans, true, null, null, log);
        assertEquals(List.of("load.yaml#browse"), withService.scenarios().stream().map(TestResult::label).toList());
        assertEquals(List.of("load.yaml#breaking"), withService.leftOut().stream().map(ComparedTest::label).toList());
        assertTrue(withService.leftOut().get(0).reason().contains("would drive a slower version more gently"),
                withService.leftOut().get(0).reason());

        MojoExecutionException none = assertThrows(MojoExecutionException.class,
                () -> ComparedResults.read(results, plans, false, null, null, log));
        assertTrue(none.getMessage().contains("no gated JUnit test"), none.getMessage());
        assertTrue(warnings.stream().anyMatch(warning -> warning.startsWith("perfgate:compare: load.yaml#browse not"
                + " compared with the base: perfgate.compare.service is not set")), warnings.toString());
    }

    @Test
    void pagesAloneAreNamedAndStillNoPass() throws Exception {
        ResultFiles.write(results, gated(ResultKind.LIGHTHOUSE, "pages.yaml", "catalogue", "FrontendGate", "lcp",
                "2.5s"));

        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> ComparedResults.read(results, Map.of(), false, null, null, log));

        assertTrue(error.getMessage().contains("no gated JUnit test, JMH benchmark or load scenario"),
                error.getMessage());
        assertEquals(1, warnings.size(), warnings.toString());
        // nothing else to compare, so no report: the console names it
        assertTrue(warnings.get(0).startsWith("perfgate:compare: pages.yaml#catalogue not compared with the base:"
                + " compare runs no browser"), warnings.get(0));
    }
}
