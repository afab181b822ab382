package io.perfgate.core.plan;

import io.perfgate.core.result.GateDeclaration;

import java.util.List;

/**
 * One gated test a test JVM was about to run.
 *
 * @param id         JUnit's unique id: of the test, or of a test template ({@code @ParameterizedTest},
 *                   {@code @RepeatedTest}) whose invocations are only known as they run
 * @param className  the test class, fully qualified
 * @param methodName the test method
 * @param template   whether {@code id} is a template, satisfied by any result of one of its invocations
 * @param gates      its gates as written, so a test that leaves no result fails through them; empty in plans
 *                   written before they were recorded
 */
public record PlannedTest(String id, String className, String methodName, boolean template,
                          List<GateDeclaration> gates) {

    public PlannedTest {
        gates = gates == null ? List.of() : List.copyOf(gates);
    }
}
