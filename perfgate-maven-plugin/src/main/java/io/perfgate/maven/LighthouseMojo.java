package io.perfgate.maven;

import io.perfgate.core.frontend.FrontendConfigurationException;
import io.perfgate.core.frontend.LighthouseRunner;
import io.perfgate.core.frontend.PageDefinition;
import io.perfgate.core.frontend.PageFile;
import io.perfgate.core.frontend.PageMeasurement;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.TestResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures web pages with Lighthouse in headless Chromium (pages and gates from a YAML file; format in
 * {@link io.perfgate.core.frontend.PageFile}) and records one result per page for {@code check}. Bind it to
 * integration-test with the service started in pre-integration-test. A missing Node, Lighthouse install or
 * Chromium is a build error saying what to install; a page that cannot be measured is recorded as failed.
 */
@Mojo(name = "lighthouse", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class LighthouseMojo extends TestRunMojo {

    /** The pages file. */
    @Parameter(property = "perfgate.lighthouse.pages",
            defaultValue = "${project.basedir}/src/test/perfgate/lighthouse.yaml")
    private File pages;

    /**
     * Pages declared in the pom instead of a pages file, each as a page of the file is written:
     * {@code <page><name>home</name><path>/index.html</path><gates><lcp>2.5s</lcp></gates></page>}. The goal's
     * baseUrl, runs, formFactor, throttling and defaults apply to them.
     */
    @Parameter
    private List<InlinePage> inlinePages;

    /** Replaces the file's baseUrl, for a port known only at build time: {@code http://127.0.0.1:${service.port}}. */
    @Parameter(property = "perfgate.lighthouse.baseUrl")
    private String baseUrl;

    /** Where the pinned Lighthouse is installed with npm on first use (one folder per version inside). */
    @Parameter(property = "perfgate.lighthouse.cache", defaultValue = "${user.home}/.cache/perfgate/lighthouse")
    private File cache;

    /** The browser's executable; by default CHROME_PATH, then chromium, chromium-browser, google-chrome on the PATH. */
    @Parameter(property = "perfgate.lighthouse.chromePath")
    private String chromePath;

    /**
     * Chromium's flags. Default: {@code --headless=new --disable-gpu --disable-dev-shm-usage}, plus
     * {@code --no-sandbox} when the build runs as root (Chromium's sandbox refuses root).
     */
    @Parameter(property = "perfgate.lighthouse.chromeFlags")
    private String chromeFlags;

    /** Replaces every page's number of runs (the median decides). */
    @Parameter(property = "perfgate.lighthouse.runs")
    private Integer runs;

    /** Replaces every page's form factor: mobile or desktop. */
    @Parameter(property = "perfgate.lighthouse.formFactor")
    private String formFactor;

    /** Replaces every page's throttling: simulate, devtools, provided or 3g. */
    @Parameter(property = "perfgate.lighthouse.throttling")
    private String throttling;

    /** {@code spec} applies the specification's bounds to every page that does not set its own; {@code none}. */
    @Parameter(property = "perfgate.lighthouse.defaults")
    private String defaults;

    /** Measures only these pages (comma-separated names); all when empty. */
    @Parameter(property = "perfgate.lighthouse.only")
    private String only;

    @Parameter(property = "perfgate.lighthouse.skip", defaultValue = "false")
    private boolean skipGoal;

    @Override
    protected void doExecute() throws MojoExecutionException {
        String skippedBy = skippedBy(skipGoal, "perfgate.lighthouse.skip");
        if (skippedBy != null) {
            getLog().info("perfgate: no pages measured (" + skippedBy + ")");
            return;
        }
        try {
            List<PageDefinition> definitions = definitions(
                    new PageFile.Overrides(baseUrl, defaults, runs, formFactor, throttling));
            definitions = selected(definitions);
            List<TestResult> results = PageMeasurement.measure(definitions,
                    new PageMeasurement.Tooling(cache.toPath(), chromePath, chromeFlags, LighthouseRunner.environment()),
                    output().directory(), getLog()::info);
            long failed = results.stream().filter(result -> result.frontend().failure() != null).count();
            getLog().info("perfgate lighthouse: recorded " + results.size() + " page" + (results.size() == 1 ? "" : "s")
                    + " of " + (inline() ? "the pom's inlinePages" : pages.getName()) + " in " + output().results()
                    + (failed > 0 ? " (" + failed + " could not be measured)" : "") + "; check judges them");
        } catch (FrontendConfigurationException e) {
            throw new MojoExecutionException("perfgate lighthouse: " + e.getMessage(), e);
        } catch (ResultFileException e) {
            throw new MojoExecutionException("perfgate lighthouse: cannot record a page: " + e.getMessage(), e);
        }
    }

    private boolean inline() {
        return inlinePages != null && !inlinePages.isEmpty();
    }

    /** The pages of the pom or of the pages file; both at once would leave one of them silently unused. */
    private List<PageDefinition> definitions(PageFile.Overrides overrides) throws MojoExecutionException {
        if (!inline()) {
            return PageFile.read(pages.toPath(), overrides);
        }
        if (pages.isFile()) {
            throw new MojoExecutionException("perfgate lighthouse: pages are declared twice, in the pom's"
                    + " <inlinePages> and in " + pages + "; keep one (remove the file, or the <inlinePages>)");
        }
        return PageFile.inline(project().getFile().toPath(), inlinePages.stream().map(InlinePage::toPage).toList(),
                overrides);
    }

    private List<PageDefinition> selected(List<PageDefinition> definitions) throws MojoExecutionException {
        if (only == null || only.isBlank()) {
            return definitions;
        }
        Set<String> names = Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
        List<String> known = definitions.stream().map(PageDefinition::name).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new MojoExecutionException("perfgate lighthouse: perfgate.lighthouse.only names '" + name
                        + "', which " + (inline() ? "the pom's inlinePages do" : pages.getName() + " does")
                        + " not declare; its pages are " + known);
            }
        }
        return definitions.stream().filter(definition -> names.contains(definition.name())).toList();
    }
}
