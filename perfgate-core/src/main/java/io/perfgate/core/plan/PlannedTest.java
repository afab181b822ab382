package io.perfgate.core.plan;

/**
 * One gated test a test JVM was about to run.
 *
 * @param id         JUnit's unique id: of the test, or of a test template ({@code @ParameterizedTest},
 *                   {@code @RepeatedTest}) whose invocations are only known as they run
 * @param className  the test class, fully qualified
 * @param methodName the test method
 * @param template   whether {@code id} is a template, satisfied by any result of one of its invocations
 */
public record PlannedTest(String id, String className, String methodName, boolean template) {
}
