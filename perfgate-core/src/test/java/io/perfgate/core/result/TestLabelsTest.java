package io.perfgate.core.result;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TestLabelsTest {

    @Test
    void addsOnlyThePackageSegmentsThatTellClassesApart() {
        assertEquals(Map.of("a.x.orders.OrderTest", "x.orders.OrderTest", "a.y.orders.OrderTest", "y.orders.OrderTest",
                        "billing.OrderTest", "billing.OrderTest"),
                TestLabels.shortestDistinct(List.of("a.x.orders.OrderTest", "a.y.orders.OrderTest", "billing.OrderTest")));
    }

    @Test
    void aClassWhoseWholeNameIsASuffixOfAnotherKeepsItsWholeName() {
        assertEquals(Map.of("OrderTest", "OrderTest", "shop.OrderTest", "shop.OrderTest"),
                TestLabels.shortestDistinct(List.of("OrderTest", "shop.OrderTest")));
    }

    @Test
    void labelsStaySimpleWithoutACollisionAndKeepTheirMethodAndDisplayPart() {
        TestResult billing = TestData.declared("billing.OrderTest", "create", "create()");
        TestResult shipping = TestData.declared("shipping.OrderTest", "create", "first order");
        TestResult cart = TestData.declared("CartTest", "add", "add()");
        TestResult sameClassOtherMethod = TestData.declared("billing.OrderTest", "cancel", "cancel()");

        Function<TestResult, String> labels = TestLabels.distinct(List.of(billing, shipping, cart, sameClassOtherMethod));

        assertEquals("billing.OrderTest#create", labels.apply(billing));
        assertEquals("shipping.OrderTest#create [first order]", labels.apply(shipping));
        assertEquals("billing.OrderTest#cancel", labels.apply(sameClassOtherMethod));
        assertEquals("CartTest#add", labels.apply(cart));
        assertEquals("CartTest#add", TestLabels.distinct(List.of(cart, billing)).apply(cart));
        assertEquals("OrderTest#create", TestLabels.distinct(List.of(billing, sameClassOtherMethod)).apply(billing),
                "two methods of one class are no collision");
    }
}
