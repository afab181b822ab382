package io.perfgate.core.measure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {

    @Test
    void readsNamesAndDefaultsToStandard() {
        assertEquals(Profile.STANDARD, Profile.of(null));
        assertEquals(Profile.STANDARD, Profile.of(" "));
        assertEquals(Profile.SMOKE, Profile.of("smoke"));
        assertEquals(Profile.COMPREHENSIVE, Profile.of(" Comprehensive "));
    }

    @Test
    void rejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Profile.of("fast"));
        assertEquals("perfgate.profile = 'fast' is not a profile; expected one of [smoke, standard, comprehensive]",
                error.getMessage());
    }

    @Test
    void largerProfilesSpendMoreTime() {
        assertTrue(Profile.SMOKE.maxDurationNanos() < Profile.STANDARD.maxDurationNanos());
        assertTrue(Profile.STANDARD.maxDurationNanos() < Profile.COMPREHENSIVE.maxDurationNanos());
        assertTrue(Profile.SMOKE.rounds() < Profile.STANDARD.rounds());
    }
}
