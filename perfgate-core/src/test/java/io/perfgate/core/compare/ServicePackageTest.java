package io.perfgate.core.compare;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicePackageTest {
    private static final Instant COMPILED = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path module;
    private Path jar;
    private Path classes;

    @BeforeEach
    void compiled() throws Exception {
        classes = Files.createDirectories(module.resolve("target/classes/shop"));
        Path main = Files.writeString(classes.resolve("Main.class"), "compiled");
        Files.setLastModifiedTime(main, FileTime.from(COMPILED));
        classes = module.resolve("target/classes");
        jar = module.resolve("target/shop-1.0.jar");
    }

    @Test
    void aPackageThisBuildMadeIsHeads() throws Exception {
        packagedAt(COMPILED.minusSeconds(60));

        // made by this build's package phase, whatever its time stamp (Spring Boot's repackage keeps the jar's)
        assertEquals(Path.of("target/shop-1.0.jar"), ServicePackage.ofHead(module, jar, jar, classes));
    }

    @Test
    void aPackageFromAnEarlierBuildIsHeadsWhenNoClassIsNewer() throws Exception {
        packagedAt(COMPILED.plusSeconds(1));

        assertEquals(Path.of("target/shop-1.0.jar"), ServicePackage.ofHead(module, null, jar, classes));
    }

    @Test
    void aPackageOlderThanTheClassesWouldRunOldCode() throws Exception {
        packagedAt(COMPILED.minusSeconds(1));

        CompareException refused = assertThrows(CompareException.class,
                () -> ServicePackage.ofHead(module, null, jar, classes));
        assertEquals("perfgate:compare: the service's command starts this module's package ({jar}), " + jar
                + ", which is older than its classes in " + classes + ": head's service would run old code; package"
                + " again (mvn verify perfgate:compare)", refused.getMessage());
    }

    @Test
    void aMissingPackageAsksForPackage() {
        CompareException refused = assertThrows(CompareException.class,
                () -> ServicePackage.ofHead(module, null, jar, classes));
        assertEquals("perfgate:compare: the service's command starts this module's package ({jar}), " + jar
                + ", which this build has not made: run compare after package (mvn verify perfgate:compare)",
                refused.getMessage());
    }

    @Test
    void aPackageOutsideTheModuleCannotBeFoundInTheBase() throws Exception {
        Path elsewhere = Files.createTempFile("shop", ".jar");
        try {
            CompareException refused = assertThrows(CompareException.class,
                    () -> ServicePackage.ofHead(module, elsewhere, jar, classes));
            assertTrue(refused.getMessage().contains(elsewhere + ", which is outside the module's directory " + module
                    + ", where compare looks for each version's package: start the service from {classpath}"
                    + " instead"), refused.getMessage());
        } finally {
            Files.delete(elsewhere);
        }
    }

    private void packagedAt(Instant time) throws Exception {
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(time));
    }
}
