package io.perfgate.core.gate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.perfgate.core.gate.Verdict.FAIL;
import static io.perfgate.core.gate.Verdict.INCONCLUSIVE;
import static io.perfgate.core.gate.Verdict.PASS;
import static io.perfgate.core.gate.Verdict.SKIPPED;
import static io.perfgate.core.gate.Verdict.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictTest {

    @Test
    void nothingToJudgeIsSkipped() {
        assertEquals(SKIPPED, Verdict.worst(List.of()));
        assertEquals(SKIPPED, Verdict.worst(List.of(SKIPPED, SKIPPED)));
    }

    @Test
    void theWorstVerdictWins() {
        assertEquals(PASS, Verdict.worst(List.of(SKIPPED, PASS)));
        assertEquals(WARN, Verdict.worst(List.of(PASS, WARN, PASS)));
        assertEquals(INCONCLUSIVE, Verdict.worst(List.of(WARN, INCONCLUSIVE, PASS)));
        assertEquals(FAIL, Verdict.worst(List.of(FAIL, INCONCLUSIVE, WARN, PASS, SKIPPED)));
        assertEquals(FAIL, Verdict.worst(List.of(INCONCLUSIVE, FAIL)));
    }

    @Test
    void worseIsSymmetric() {
        for (Verdict a : Verdict.values()) {
            for (Verdict b : Verdict.values()) {
                assertEquals(a.worse(b), b.worse(a));
            }
        }
    }
}
