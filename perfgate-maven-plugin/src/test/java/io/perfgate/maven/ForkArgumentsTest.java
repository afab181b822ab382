package io.perfgate.maven;

import io.perfgate.core.measure.Profile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkArgumentsTest {

    private static final List<String> OURS =
            ForkArguments.record(Path.of("/work/app/target/perfgate/results"), Profile.STANDARD, false);

    @Test
    void recordArgumentsNameModeResultsDirectoryAndProfile() {
        assertEquals(List.of("-Dperfgate.mode=record", "-Dperfgate.resultsDirectory=/work/app/target/perfgate/results",
                "-Dperfgate.profile=standard"), OURS);
    }

    @Test
    void aProfileGivenOnTheCommandLineIsLeftToSurefireSoItIsNotConfiguredTwice() {
        assertEquals(List.of("-Dperfgate.mode=record", "-Dperfgate.resultsDirectory=/work/app/target/perfgate/results"),
                ForkArguments.record(Path.of("/work/app/target/perfgate/results"), Profile.SMOKE, true));
    }

    @Test
    void aForkCountSetInTheProjectIsPassedOnAndReplacesAnEarlierOne() {
        List<String> withForks = ForkArguments.record(Path.of("/work/app/target/perfgate/results"), Profile.STANDARD,
                false, 5);
        assertEquals("-Dperfgate.forks=5", withForks.get(withForks.size() - 1));
        assertEquals(OURS, ForkArguments.record(Path.of("/work/app/target/perfgate/results"), Profile.STANDARD, false,
                null), "unset: the profile's default applies in the test JVM");
        assertEquals("-Xmx1g -Dperfgate.mode=record -Dperfgate.resultsDirectory=/r -Dperfgate.profile=standard"
                + " -Dperfgate.forks=5", ForkArguments.merge("-Xmx1g -Dperfgate.forks=1",
                ForkArguments.record(Path.of("/r"), Profile.STANDARD, false, 5)));
    }

    @Test
    void compareForksRecordAndKeepEveryRoundHoweverLongItWaitedForACpu() {
        // the pairing cancels a busy machine's slowdown; discarding rounds left busy forks with none
        assertEquals(List.of("-Dperfgate.mode=record", "-Dperfgate.resultsDirectory=/work/app/target/perfgate/results",
                        "-Dperfgate.profile=smoke", "-Dperfgate.maxCpuWait=100%"),
                ForkArguments.recordForCompare(Path.of("/work/app/target/perfgate/results"), Profile.SMOKE));
    }

    @Test
    void resultsDirectoryIsMadeAbsolute() {
        String directory = ForkArguments.record(Path.of("target/perfgate/results"), Profile.SMOKE, false).get(1);
        assertTrue(Path.of(directory.substring(directory.indexOf('=') + 1)).isAbsolute(), directory);
    }

    @Test
    void unsetPropertyGetsOnlyPerfgateArguments() {
        String expected = "-Dperfgate.mode=record -Dperfgate.resultsDirectory=/work/app/target/perfgate/results -Dperfgate.profile=standard";
        assertEquals(expected, ForkArguments.merge(null, OURS));
        assertEquals(expected, ForkArguments.merge("   ", OURS));
    }

    @Test
    void existingArgLineIsKeptAsWrittenAndAppendedTo() {
        String jacoco = "-javaagent:\"/home/me/.m2/jacoco agent.jar\"=destfile=/x/jacoco.exec -Xmx256m";
        assertEquals(jacoco + " -Dperfgate.mode=record -Dperfgate.resultsDirectory=/work/app/target/perfgate/results"
                + " -Dperfgate.profile=standard", ForkArguments.merge("  " + jacoco + " ", OURS));
    }

    @Test
    void mergingTwiceLeavesOneCopyOfEachArgument() {
        String once = ForkArguments.merge("-Xmx256m", OURS);
        String twice = ForkArguments.merge(once, OURS);
        assertEquals(once, twice);
    }

    @Test
    void propertiesPerfgateSetsAreReplacedOthersKept() {
        String merged = ForkArguments.merge("-Dperfgate.mode=record -Dperfgate.debug=true '-Dname=a b'",
                ForkArguments.off());
        assertEquals("-Dperfgate.debug=true \"-Dname=a b\" -Dperfgate.mode=off", merged);
    }

    @Test
    void aForkCountTypedIntoTheArgLineIsKeptWhenTheProjectSetsNone() {
        assertEquals("-Dperfgate.forks=5 -Dperfgate.mode=record -Dperfgate.resultsDirectory=/r"
                + " -Dperfgate.profile=standard", ForkArguments.merge("-Dperfgate.forks=5",
                ForkArguments.record(Path.of("/r"), Profile.STANDARD, false, null)));
    }

    @Test
    void pathsWithSpacesAreQuotedSoTheForkSeesOneArgument() {
        List<String> arguments =
                ForkArguments.record(Path.of("/home/my user/app/target/perfgate/results"), Profile.SMOKE, false);
        String line = ForkArguments.merge("-ea", arguments);
        assertEquals("-ea -Dperfgate.mode=record \"-Dperfgate.resultsDirectory=/home/my user/app/target/perfgate/results\""
                + " -Dperfgate.profile=smoke", line);
        assertEquals(List.of("-ea", "-Dperfgate.mode=record",
                "-Dperfgate.resultsDirectory=/home/my user/app/target/perfgate/results", "-Dperfgate.profile=smoke"),
                ForkArguments.split(line));
    }

    @Test
    void quoteChoosesTheQuoteTheArgumentDoesNotHold() {
        assertEquals("plain", ForkArguments.quote("plain"));
        assertEquals("\"a b\"", ForkArguments.quote("a b"));
        assertEquals("'say \"hi\"'", ForkArguments.quote("say \"hi\""));
        assertEquals("\"it's\"", ForkArguments.quote("it's"));
        assertEquals("\"\"", ForkArguments.quote(""));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> ForkArguments.quote("'\""));
        assertTrue(both.getMessage().contains("both"), both.getMessage());
    }

    @Test
    void splitGroupsQuotedTextAndRejectsAnOpenQuote() {
        assertEquals(List.of("-Da=1", "-Db=two words", "x'y"), ForkArguments.split(" -Da=1\t-Db=\"two words\"  \"x'y\" "));
        assertEquals(List.of(), ForkArguments.split("  "));
        assertThrows(IllegalArgumentException.class, () -> ForkArguments.split("-Da=\"open"));
    }

    @Test
    void anUnsplittableExistingValueIsStillAppendedTo() {
        assertEquals("-Da=\"open -Dperfgate.mode=off", ForkArguments.merge("-Da=\"open", ForkArguments.off()));
    }

    @Test
    void anArgLineSettingWithoutThePropertyIsWarnedAbout() {
        assertTrue(ForkArguments.argLineWarning("maven-surefire-plugin", null, "argLine").isEmpty());
        assertTrue(ForkArguments.argLineWarning("maven-surefire-plugin", "@{argLine} -Xmx256m", "argLine").isEmpty());
        assertTrue(ForkArguments.argLineWarning("maven-surefire-plugin", "${argLine} -Xmx256m", "argLine").isEmpty());
        String warning = ForkArguments.argLineWarning("maven-surefire-plugin", " -Xmx256m ", "argLine").orElseThrow();
        assertEquals("maven-surefire-plugin sets <argLine>-Xmx256m</argLine>, which replaces the 'argLine' property"
                + " perfgate:prepare sets, so test JVMs will not record perf results; write <argLine>@{argLine} -Xmx256m</argLine>",
                warning);
        assertTrue(ForkArguments.argLineWarning("x", "@{argLine}", "perfgate.argLine").isPresent());
    }
}
