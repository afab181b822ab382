package io.perfgate.core.result;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TestResultTest {

    @Test
    void labelsAMethodByClassAndName() {
        assertEquals("OrderApiPerfTest#createOrder",
                TestData.declared("OrderApiPerfTest", "createOrder", "createOrder()").label());
        assertEquals("OrderApiPerfTest#createOrder",
                TestData.declared("OrderApiPerfTest", "createOrder", "createOrder(int)").label());
    }

    @Test
    void addsTheDisplayNameWhenItSaysMore() {
        assertEquals("OrderApiPerfTest#createOrder [[2] size=100]",
                TestData.declared("OrderApiPerfTest", "createOrder", "[2] size=100").label());
        assertEquals("OrderApiPerfTest#createOrder [creates an order]",
                TestData.declared("OrderApiPerfTest", "createOrder", "creates an order").label());
    }

    @Test
    void loadResultsFromAScenarioFileKeepTheFileNameAndFromATestClassItsSimpleName() {
        TestResult fromFile = TestResult.declared(ResultKind.LOAD, "load:shop.yaml:peak", "shop.yaml", "peak", null, null, null);
        TestResult fromTest = TestResult.declared(ResultKind.LOAD, "[engine:junit-jupiter]/x", "com.shop.UsersLoadTest", "browse",
                "browse(LoadRunner)", null, null);
        assertEquals("shop.yaml#peak", fromFile.label());
        assertEquals("UsersLoadTest#browse", fromTest.label());
    }
}
