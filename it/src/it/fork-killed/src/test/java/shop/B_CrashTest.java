package shop;

import org.junit.jupiter.api.Test;

/** A plain test that ends its JVM the way kill -9 or a JVM crash does: no shutdown hooks, no goodbye. */
class B_CrashTest {

    @Test
    void killsTheTestJvm() {
        Runtime.getRuntime().halt(137);
    }
}
