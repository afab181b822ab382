package io.perfgate.core.frontend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageFileTest {
    @TempDir
    Path dir;

    @Test
    void readsPagesWithDefaultsAndGates() throws IOException {
        List<PageDefinition> pages = PageFile.read(write("""
                baseUrl: http://127.0.0.1:8080/app
                defaults: {runs: 5, formFactor: desktop, maxSpread: 10%}
                pages:
                  - name: home
                    path: /index.html
                    gates: {lcp: 2s..4s, cls: 0.1, level: WARNING}
                  - name: slow
                    url: http://localhost:9000/slow
                    runs: 1
                    throttling: 3g
                """), PageFile.Overrides.NONE);
        PageDefinition home = pages.get(0);
        assertEquals("http://127.0.0.1:8080/app/index.html", home.url().toString());
        assertEquals(5, home.runs());
        assertEquals(FormFactor.DESKTOP, home.formFactor());
        assertEquals(Throttling.SIMULATE, home.throttling());
        assertEquals(0.10, home.maxSpread(), 1e-12);
        assertEquals(Map.of("lcp", "2s..4s", "cls", "0.1"), home.gates().get(0).bounds());
        assertEquals("WARNING", home.gates().get(0).level().name());
        PageDefinition slow = pages.get(1);
        assertEquals(1, slow.runs());
        assertEquals(Throttling.REGULAR_3G, slow.throttling());
        assertEquals(List.of(), slow.gates());
    }

    @Test
    void specDefaultsApplyOnlyWhenTurnedOnAndPagesOverrideThem() throws IOException {
        Path file = write("""
                baseUrl: http://127.0.0.1:8080
                pages: [{name: home, path: /, gates: {lcp: 3s, tbt: 300ms}}]
                """);
        assertEquals(Map.of("lcp", "3s", "tbt", "300ms"), PageFile.read(file, PageFile.Overrides.NONE).get(0)
                .gates().get(0).bounds());
        PageDefinition spec = PageFile.read(file, new PageFile.Overrides(null, "spec", 1, null, null)).get(0);
        assertEquals(Map.of("fcp", "1s..2s", "lcp", "3s", "cls", "0.1..0.25", "tti", "3s..5s", "tbt", "300ms"),
                spec.gates().get(0).bounds());
        assertEquals(1, spec.runs());
    }

    @Test
    void refusesAHostThatIsNotLoopback() throws IOException {
        Path file = write("pages: [{name: ext, url: 'http://192.0.2.1/'}]\n");
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> PageFile.read(file, PageFile.Overrides.NONE));
        assertTrue(e.getMessage().contains("192.0.2.1, which is not this machine's loopback interface"), e.getMessage());
    }

    @Test
    void badInputIsNamedWithItsField() throws IOException {
        assertError("pages: [{name: a, path: /, gates: {lpc: 2s}}]\nbaseUrl: http://127.0.0.1:1\n",
                "@FrontendGate has no metric 'lpc'");
        assertError("pages: [{name: a, path: /, gates: {cls: 10%}}]\nbaseUrl: http://127.0.0.1:1\n",
                "pages[0].gates.cls: cannot read '10%': expected a plain number such as 0.1 or 90");
        assertError("pages: [{name: a, path: /}]\n", "pages[0].path: is relative, but no baseUrl is set");
        assertError("pages: [{name: a, url: 'http://127.0.0.1/', throttling: 2g}]\n",
                "unknown throttling '2g'; expected one of [simulate, devtools, provided, 3g]");
        assertError("pages: [{name: a, url: 'http://127.0.0.1/', colour: red}]\n", "at pages[0].colour");
        assertError("pages: [{name: a, url: 'http://127.0.0.1/'}, {name: a, url: 'http://127.0.0.1/b'}]\n",
                "'a' is declared twice");
        assertError("pages: [{name: a, url: 'http://127.0.0.1/', lhr: [x.json]}]\n",
                "needs exactly one of path, url or lhr");
    }

    @Test
    void pagesDeclaredInThePomAreCheckedAsAFilesAreAndNamedAfterThePom() {
        Path pom = dir.resolve("pom.xml");
        PageFile.Page home = new PageFile.Page("home", "/index.html", null, null, null, null, null, null,
                Map.of("lcp", "2.5s", "level", "WARNING"));
        PageFile.Page saved = new PageFile.Page("saved", null, null, List.of("lhr/saved.json"), null, null, null, null,
                null);
        List<PageDefinition> pages = PageFile.inline(pom, List.of(home, saved),
                new PageFile.Overrides("http://127.0.0.1:8080", null, 1, "desktop", null));

        assertEquals("pom.xml", pages.get(0).file());
        assertEquals("http://127.0.0.1:8080/index.html", pages.get(0).url().toString());
        assertEquals(1, pages.get(0).runs());
        assertEquals(FormFactor.DESKTOP, pages.get(0).formFactor());
        assertEquals(Map.of("lcp", "2.5s"), pages.get(0).gates().get(0).bounds());
        assertEquals("WARNING", pages.get(0).gates().get(0).level().name());
        assertEquals(List.of(dir.toAbsolutePath().resolve("lhr/saved.json")), pages.get(1).imported());

        PageFile.Page badBound = new PageFile.Page("home", "/", null, null, null, null, null, null, Map.of("cls", "10%"));
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class, () -> PageFile.inline(pom,
                List.of(badBound), new PageFile.Overrides("http://127.0.0.1:8080", null, null, null, null)));
        assertTrue(e.getMessage().startsWith("pom.xml inlinePages[0].gates.cls: cannot read '10%'"), e.getMessage());
        e = assertThrows(FrontendConfigurationException.class, () -> PageFile.inline(pom, List.of(),
                PageFile.Overrides.NONE));
        assertEquals("pom.xml inlinePages: is empty; declare at least one page", e.getMessage());
    }

    private void assertError(String yaml, String expected) throws IOException {
        Path file = write(yaml);
        FrontendConfigurationException e = assertThrows(FrontendConfigurationException.class,
                () -> PageFile.read(file, PageFile.Overrides.NONE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("lighthouse.yaml"), e.getMessage());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("lighthouse.yaml"), yaml);
    }
}
