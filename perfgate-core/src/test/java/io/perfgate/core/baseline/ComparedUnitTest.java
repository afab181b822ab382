package io.perfgate.core.baseline;

import io.perfgate.core.TestData;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ComparedUnitTest {

    @Test
    void unitsOfARunAreNamedAsItsMessagesNameThem() {
        List<TestResult> results = List.of(
                TestData.completed("billing.OrderTest", "create", "create()", measured()),
                TestData.completed("shipping.OrderTest", "create", "create()", measured()),
                TestData.completed("CartTest", "add", "add()", measured()));

        assertEquals(List.of("billing.OrderTest#create", "shipping.OrderTest#create", "CartTest#add"),
                ComparedUnit.ofAll(results).stream().map(ComparedUnit::label).toList(),
                "the label a regression's perfgate.accept hint names (BaselineComparator labels units this way)");
    }

    private static io.perfgate.core.result.Measurement measured() {
        return TestData.measurement(TestData.repeat(new LatencyHistogram(), TestData.ms(1), 100), 0, null,
                1_000_000_000L);
    }
}
