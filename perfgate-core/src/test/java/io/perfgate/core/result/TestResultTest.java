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
        TestResult fromFile = TestResult.declared("load", "load:shop.yaml:peak", "shop.yaml", "peak", null, null, null);
        TestResult fromTest = TestResult.declared("load", "[engine:junit-jupiter]/x", "com.shop.UsersLoadTest", "browse",
                "browse(LoadRunner)", null, null);
        assertEquals("shop.yaml#peak", fromFile.label());
        assertEquals("UsersLoadTest#browse", fromTest.label());
    }

    private static TestResult junit(String id, String method, String displayName) {
        return TestResult.declared("junit", id, "com.shop.SameTest", method, displayName, null, null);
    }

    @Test
    void overloadsAreToldApartByTheParameterTypesInTheirId() {
        String clazz = "[engine:junit-jupiter]/[class:com.shop.SameTest]";
        TestResult none = junit(clazz + "/[method:m()]", "m", "m()");
        TestResult primitive = junit(clazz + "/[method:m(int)]", "m", "m(int)");
        TestResult objects = junit(clazz + "/[method:m(java.lang.String, java.util.List)]", "m", "m(String, List)");
        TestResult template = junit(clazz + "/[test-template:m(long)]/[test-template-invocation:#2]", "m", "[2] 7");
        assertEquals("SameTest#m", none.label());
        assertEquals("SameTest#m(int)", primitive.label());
        assertEquals("SameTest#m(String, List)", objects.label());
        assertEquals("SameTest#m(long) [[2] 7]", template.label());
    }
}
