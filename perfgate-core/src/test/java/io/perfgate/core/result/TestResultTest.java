package io.perfgate.core.result;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static TestResult junit(String id, String method, String displayName) {
        return TestResult.declared(ResultKind.JUNIT, id, "com.shop.SameTest", method, displayName, null, null);
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

    @Test
    void theKindIsTypedButWrittenAsBeforeSoExistingFilesStillRead() throws Exception {
        TestResult jmh = TestData.declared("ParseBench", "parse", "parse()").withNames("com.example.ParseBench",
                "parse", "parse");
        String json = Json.mapper().writeValueAsString(new TestResult(jmh.schemaVersion(), ResultKind.JMH, jmh.id(),
                jmh.className(), jmh.methodName(), jmh.displayName(), jmh.status(), null, jmh.gates(), null, null, null,
                null, null, null, null, null));

        assertTrue(java.util.regex.Pattern.compile("\"kind\" ?: ?\"jmh\"").matcher(json).find(), json);
        assertEquals(ResultKind.LOAD, Json.mapper().readValue(json.replace("\"jmh\"", "\"load\""), TestResult.class).kind());
        assertTrue(assertThrows(Exception.class, () -> Json.mapper().readValue(json.replace("\"jmh\"", "\"gatling\""),
                TestResult.class)).getMessage().contains("unknown result kind 'gatling'; expected one of [junit, jmh, load, lighthouse]"));
    }

    @Test
    void copiesChangeOnePartAndKeepTheRestBenchmarkDetailsIncluded() {
        BenchmarkDetails details = new BenchmarkDetails("com.example.ParseBench.parse", "thrpt", java.util.Map.of(), 1,
                2, 2, "1 s", 5, "1 s", 2.3e8, null, "ops/s", null, null, "1.37", null, null, null, null);
        TestResult result = TestData.declared("ParseBench", "parse", "parse()").withBenchmark(details);

        TestResult copy = result.withDisplayName("other").withGates(java.util.List.of()).skipped("why");

        assertEquals(details, copy.benchmark());
        assertEquals("other", copy.displayName());
        assertEquals(ResultStatus.SKIPPED, copy.status());
        assertEquals(result.id(), copy.id());
        assertEquals(result.environment(), copy.environment());
    }
}
