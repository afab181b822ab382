package io.perfgate.core.fork;

import io.perfgate.core.measure.Profile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForkCountTest {

    @Test
    void eachProfileHasItsDefaultAndTheOverrideWins() {
        assertEquals(1, ForkCount.of(Profile.SMOKE, null));
        assertEquals(3, ForkCount.of(Profile.STANDARD, ""));
        assertEquals(5, ForkCount.of(Profile.COMPREHENSIVE, null));
        assertEquals(1, ForkCount.of(Profile.STANDARD, " 1 "));
        assertEquals(7, ForkCount.of(Profile.SMOKE, "7"));
    }

    @Test
    void aCountThatIsNoNumberOfJvmsIsRejectedWithTheRange() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ForkCount.of(Profile.STANDARD, "0"));
        assertEquals("perfgate.forks = '0' is not a number of JVMs from 1 to 50; 1 measures each test in the test JVM"
                + " only, the default for the standard profile is 3", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForkCount.of(Profile.STANDARD, "three"));
    }
}
