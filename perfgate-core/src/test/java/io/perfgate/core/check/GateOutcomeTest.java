package io.perfgate.core.check;

import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.result.GateDeclaration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GateOutcomeTest {

    @ParameterizedTest(name = "{0} {1} allowInconclusive={2}: blocks={3}, violated={4}")
    @CsvSource({
            "BLOCKING, PASS, false, false, false",
            "BLOCKING, WARN, false, false, true",
            "BLOCKING, FAIL, false, true, true",
            "BLOCKING, FAIL, true, true, true",
            "BLOCKING, INCONCLUSIVE, false, true, true",
            "BLOCKING, INCONCLUSIVE, true, false, true",
            "BLOCKING, SKIPPED, false, false, false",
            "WARNING, FAIL, false, false, true",
            "WARNING, INCONCLUSIVE, false, false, true",
            "WARNING, WARN, false, false, true",
            "WARNING, PASS, false, false, false",
            "ADVISORY, FAIL, false, false, true",
            "ADVISORY, INCONCLUSIVE, false, false, true",
            "ADVISORY, SKIPPED, false, false, false",
    })
    void blocksOnlyBlockingFailuresAndUnallowedInconclusives(Level level, Verdict verdict, boolean allowInconclusive,
                                                              boolean blocks, boolean violated) {
        GateOutcome outcome = new GateOutcome(new GateDeclaration("LatencyGate", level, allowInconclusive,
                "method X#y", Map.of("p95", "1ms"), null), false, allowInconclusive, verdict, List.of(), null);
        assertEquals(blocks, outcome.blocks());
        assertEquals(violated, outcome.violated());
    }
}
