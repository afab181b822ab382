package io.perfgate.junit.fork;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a child JVM that runs chosen tests through the JUnit Platform, as surefire would: each
 * argument selects a test method ({@code com.example.OrderTest#create}, or with parameter types
 * {@code com.example.OrderTest#create(int)}), a class ({@code com.example.OrderTest}) or a unique id
 * ({@code [engine:junit-jupiter]/[class:...]/[method:...]}). perfgate's settings reach the tests as system
 * properties ({@code -Dperfgate.mode=record -Dperfgate.resultsDirectory=...}), which JUnit configuration
 * parameters fall back to.
 *
 * <p>Exit codes: 0 when every selected test ran and none failed, 1 when one failed, 2 when the arguments selected
 * no test (a class or method that does not exist in this version of the code).
 *
 * <p>With {@code --unmatched=<file>} first, a selection that matches nothing in this version of the code is
 * written to that file (one a line) and left out instead of failing the run, so one JVM can run the tests two
 * versions share; exit code 2 then means none matched.
 */
public final class ForkMain {

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int NOTHING_SELECTED = 2;
    /** Option naming the file that receives the selections this version of the code lacks. */
    public static final String UNMATCHED_OPTION = "--unmatched=";

    private ForkMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("perfgate fork: no test selected; pass test methods (Class#method), classes or unique ids");
            return NOTHING_SELECTED;
        }
        Launcher launcher = LauncherFactory.create();
        if (args[0].startsWith(UNMATCHED_OPTION)) {
            List<String> present = present(launcher, List.of(args).subList(1, args.length),
                    Path.of(args[0].substring(UNMATCHED_OPTION.length())), err);
            if (present.isEmpty()) {
                err.println("perfgate fork: no test matched " + String.join(", ", List.of(args).subList(1, args.length)));
                return NOTHING_SELECTED;
            }
            args = present.toArray(String[]::new);
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String arg : args) {
            selectors.add(selector(arg.strip()));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try {
            launcher.execute(request, listener);
        } catch (RuntimeException discoveryFailed) {
            // a selected class that this version of the code lacks fails discovery rather than matching nothing
            err.println("perfgate fork: no test matched " + String.join(", ", args) + ": " + rootMessage(discoveryFailed));
            return NOTHING_SELECTED;
        }
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsFoundCount() == 0) {
            err.println("perfgate fork: no test matched " + String.join(", ", args));
            return NOTHING_SELECTED;
        }
        PrintWriter writer = new PrintWriter(out, true);
        summary.printTo(writer);
        if (summary.getTotalFailureCount() > 0) {
            PrintWriter errors = new PrintWriter(err, true);
            summary.printFailuresTo(errors, 25);
            return FAILED;
        }
        return SUCCEEDED;
    }

    /** The selections that match a test here; the others are written to {@code unmatchedFile}. */
    private static List<String> present(Launcher launcher, List<String> selections, Path unmatchedFile,
                                        PrintStream err) {
        List<String> present = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String selection : selections) {
            boolean found;
            try {
                found = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selector(selection.strip())).build()).containsTests();
            } catch (RuntimeException discoveryFailed) {
                found = false;
            }
            (found ? present : unmatched).add(selection);
        }
        try {
            Files.write(unmatchedFile, unmatched, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("perfgate fork: cannot write " + unmatchedFile + ": " + e.getMessage());
        }
        return present;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static DiscoverySelector selector(String arg) {
        if (arg.startsWith("[")) {
            return DiscoverySelectors.selectUniqueId(arg);
        }
        if (arg.contains("#")) {
            return DiscoverySelectors.selectMethod(arg);
        }
        return DiscoverySelectors.selectClass(arg);
    }
}
