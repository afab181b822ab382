package io.perfgate.core.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * Head's package for a service command with {@value ServiceForkRunner#JAR}: found where the build put it, and only
 * when it holds head's code. The base's package is then looked for at the same place in the base's module.
 */
public final class ServicePackage {
    private ServicePackage() {
    }

    /**
     * @param moduleDirectory the module's directory
     * @param made            the file this build's package phase made, or null when it did not run
     * @param expected        where the build's settings put the package (target/&lt;finalName&gt;.&lt;extension&gt;)
     * @param classes         the module's compiled classes
     * @return the package, relative to the module's directory
     * @throws CompareException when it lies outside the module, is missing, or is older than the classes and was
     *                          not made by this build (head's service would run old code)
     */
    public static Path ofHead(Path moduleDirectory, Path made, Path expected, Path classes) {
        boolean madeNow = made != null && Files.isRegularFile(made);
        Path module = moduleDirectory.toAbsolutePath().normalize();
        Path file = (madeNow ? made : expected).toAbsolutePath().normalize();
        String refused = "perfgate:compare: the service's command starts this module's package ("
                + ServiceForkRunner.JAR + "), " + file + ", which ";
        if (!file.startsWith(module)) {
            throw new CompareException(refused + "is outside the module's directory " + module + ", where compare"
                    + " looks for each version's package: start the service from " + ServiceForkRunner.CLASSPATH
                    + " instead");
        }
        if (!Files.isRegularFile(file)) {
            throw new CompareException(refused + "this build has not made: run compare after package"
                    + " (mvn verify perfgate:compare)");
        }
        if (!madeNow && newerThan(classes, file)) {
            throw new CompareException(refused + "is older than its classes in " + classes + ": head's service would"
                    + " run old code; package again (mvn verify perfgate:compare)");
        }
        return module.relativize(file);
    }

    /** Whether a file under {@code directory} was written after {@code file}. */
    private static boolean newerThan(Path directory, Path file) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try {
            FileTime packaged = Files.getLastModifiedTime(file);
            try (Stream<Path> newer = Files.find(directory, Integer.MAX_VALUE, (path, attributes) ->
                    attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(packaged) > 0)) {
                return newer.findAny().isPresent();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CompareException("perfgate:compare: cannot read " + directory + ": " + e.getMessage(), e);
        }
    }
}
