package io.perfgate.core.fork;

import io.perfgate.core.result.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.perfgate.core.fork.ForkedMeasurementTest.oneJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;

class JvmAgreementTest {

    @Test
    void jvmsWithin10PercentAgree() {
        assertEquals(Optional.empty(), JvmAgreement.disagreement(List.of(oneJvm(100, 0), oneJvm(105, 0), oneJvm(110, 0))));
    }

    @Test
    void jvmsBeyond10PercentDisagreeAndTheClauseNamesEachMedian() {
        assertEquals(Optional.of("the first 3 JVMs' p50 differed by 20% (100 us, 120 us, 105 us)"),
                JvmAgreement.disagreement(List.of(oneJvm(100, 0), oneJvm(120, 0), oneJvm(105, 0))));
    }

    @Test
    void fewerThanThreeJvmsAreNeverJudged() {
        assertEquals(Optional.empty(), JvmAgreement.disagreement(List.of(oneJvm(100, 0), oneJvm(200, 0))));
    }

    @Test
    void aJvmWithoutLatencyLeavesTheDecisionToThePlannedJvms() {
        Measurement none = new Measurement(0, 0, Map.of(), null, 0, null, null, null, List.of());
        assertEquals(Optional.empty(), JvmAgreement.disagreement(List.of(oneJvm(100, 0), oneJvm(200, 0), none)));
    }
}
