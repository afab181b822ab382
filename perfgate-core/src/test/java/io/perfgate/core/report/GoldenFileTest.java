package io.perfgate.core.report;

import io.perfgate.core.TestData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Each format rendered from the fixed report must equal its golden file, byte for byte, under any default
 * locale and time zone. After an intended change, regenerate with
 * {@code mvn -pl perfgate-core test -Dtest=GoldenFileTest -Dperfgate.updateGolden=true} and review the diff.
 */
class GoldenFileTest {
    private static final Path GOLDEN_SOURCES = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyFormatMatchesItsGoldenFile() {
        return ReportWriters.all().stream().map(writer -> DynamicTest.dynamicTest(writer.fileName(), () -> {
            String rendered = render(writer, Locale.ROOT, TimeZone.getTimeZone("UTC"));
            if (Boolean.getBoolean("perfgate.updateGolden")) {
                Files.createDirectories(GOLDEN_SOURCES);
                Files.writeString(GOLDEN_SOURCES.resolve(writer.fileName()), rendered, StandardCharsets.UTF_8);
            }
            assertEquals(golden(writer.fileName()), rendered, writer.fileName() + " differs from its golden file;"
                    + " if the change is intended, rerun with -Dperfgate.updateGolden=true and review the diff");
        }));
    }

    @TestFactory
    Stream<DynamicTest> outputIsTheSameInEveryLocaleAndTimeZone() {
        return ReportWriters.all().stream().flatMap(writer -> Stream.of(
                new Object[] {Locale.GERMANY, "Europe/Berlin"},
                new Object[] {Locale.forLanguageTag("ar-EG"), "Africa/Cairo"},
                new Object[] {Locale.forLanguageTag("hi-IN-u-nu-deva"), "Asia/Kolkata"},
                new Object[] {Locale.FRANCE, "Pacific/Chatham"}).map(setting -> DynamicTest.dynamicTest(
                writer.fileName() + " in " + setting[0] + ", " + setting[1], () -> assertEquals(
                        render(writer, Locale.ROOT, TimeZone.getTimeZone("UTC")),
                        render(writer, (Locale) setting[0], TimeZone.getTimeZone((String) setting[1]))))));
    }

    private static String render(ReportWriter writer, Locale locale, TimeZone zone) {
        TimeZone previousZone = TimeZone.getDefault();
        String[] rendered = new String[1];
        try {
            TimeZone.setDefault(zone);
            TestData.withDefaultLocale(locale, () -> rendered[0] = writer.render(ReportFixture.report()));
        } finally {
            TimeZone.setDefault(previousZone);
        }
        return rendered[0];
    }

    private static String golden(String fileName) {
        try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/" + fileName)) {
            assertNotNull(in, "no golden file " + fileName + "; create it with -Dperfgate.updateGolden=true");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
