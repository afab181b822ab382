package io.perfgate.core.frontend;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.spec.GateReader;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pages of {@code perfgate:lighthouse} from a YAML (or JSON) file. Strict: an unknown field or a bad
 * value is an error naming the file and the field. The format:
 *
 * <pre>{@code
 * baseUrl: http://127.0.0.1:8080   # paths are relative to it; the goal's baseUrl overrides it
 * allowRemoteHost: false           # true to allow a host that is not loopback
 * gateDefaults: none               # spec: the specification's bounds apply to every page unless it sets its own
 *                                  # (fcp 1s..2s, lcp 2.5s..4s, cls 0.1..0.25, tti 3s..5s)
 * defaults:                        # any page may override each
 *   runs: 3                        # the median decides, as in Lighthouse CI
 *   formFactor: mobile             # mobile | desktop
 *   throttling: simulate           # simulate | devtools | provided | 3g
 *   maxSpread: 25%                 # runs disagreeing more than this on a verdict make it INCONCLUSIVE
 * pages:
 *   - name: home                   # unique; names the result
 *     path: /index.html            # or url: http://127.0.0.1:8080/index.html
 *     gates: {fcp: 1s..2s, lcp: 4s, cls: 0.1, tbt: 300ms, speedIndex: 3s, tti: 5s, score: 90..80,
 *             totalBytes: 500KB, scriptBytes: 100KB, requests: 20, level: BLOCKING, allowInconclusive: false}
 *   - name: legacy                 # judges saved Lighthouse results (LHR JSON) instead of running Lighthouse
 *     lhr: [reports/legacy-1.json, reports/legacy-2.json]
 *     gates: {lcp: 4s}
 * }</pre>
 */
public final class PageFile {

    /** The specification's front-end bounds (target..threshold), applied when {@code gateDefaults: spec}. */
    public static final Map<String, String> SPEC_BOUNDS = Map.of(
            "fcp", "1s..2s", "lcp", "2.5s..4s", "cls", "0.1..0.25", "tti", "3s..5s");
    public static final int DEFAULT_RUNS = 3;
    public static final double DEFAULT_MAX_SPREAD = 0.25;

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Settings(Integer runs, String formFactor, String throttling, String maxSpread) {
    }

    /**
     * One page as written: in the file's {@code pages}, or in the pom's {@code <inlinePages>}. Exactly one of
     * path, url or lhr; unset settings fall back to the defaults, then to perfgate's.
     */
    public record Page(String name, String path, String url, List<String> lhr, Integer runs, String formFactor,
                       String throttling, String maxSpread, Map<String, Object> gates) {
    }

    record Document(String baseUrl, Boolean allowRemoteHost, String gateDefaults, Settings defaults,
                    @JsonProperty(required = true) List<Page> pages) {
    }

    /** Settings given to the goal that replace the file's. */
    public record Overrides(String baseUrl, String gateDefaults, Integer runs, String formFactor, String throttling) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null);
    }

    private final Path file;
    private final String label;
    /** How errors name the list of pages: the file's {@code pages}, or the pom's {@code inlinePages}. */
    private final String listName;

    private PageFile(Path file, String listName) {
        this.file = file;
        this.label = file.getFileName().toString();
        this.listName = listName;
    }

    /** Reads every page of the file, the goal's overrides applied; imports resolve against the file's folder. */
    public static List<PageDefinition> read(Path file, Overrides overrides) {
        PageFile pageFile = new PageFile(file, "pages");
        return pageFile.parse(pageFile.document(), overrides == null ? Overrides.NONE : overrides);
    }

    /**
     * The pages declared in the pom ({@code <inlinePages>}), checked as a file's are; the goal's settings are their
     * base URL and defaults, and imports resolve against the pom's folder.
     *
     * @param pom the project's pom, which names these pages and their results ({@code pom.xml#home})
     */
    public static List<PageDefinition> inline(Path pom, List<Page> pages, Overrides overrides) {
        return new PageFile(pom, "inlinePages").parse(new Document(null, null, null, null, pages),
                overrides == null ? Overrides.NONE : overrides);
    }

    private List<PageDefinition> parse(Document document, Overrides overrides) {
        if (document.pages() == null || document.pages().isEmpty()) {
            throw error(listName, "is empty; declare at least one page");
        }
        String base = present(overrides.baseUrl()) ? overrides.baseUrl().strip() : document.baseUrl();
        String gateDefaults = present(overrides.gateDefaults()) ? overrides.gateDefaults() : document.gateDefaults();
        boolean spec = specDefaults(gateDefaults);
        Settings defaults = document.defaults() == null ? new Settings(null, null, null, null) : document.defaults();
        boolean allowRemote = Boolean.TRUE.equals(document.allowRemoteHost());
        List<PageDefinition> pages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < document.pages().size(); i++) {
            Page page = document.pages().get(i);
            String at = listName + "[" + i + "]";
            if (page == null || !present(page.name())) {
                throw error(at + ".name", "is missing; every page needs a unique name");
            }
            if (!names.add(page.name())) {
                throw error(at + ".name", "'" + page.name() + "' is declared twice; page names must be unique");
            }
            pages.add(page(page, at, base, defaults, overrides, spec, allowRemote));
        }
        return pages;
    }

    private PageDefinition page(Page page, String at, String base, Settings defaults, Overrides overrides,
                                boolean spec, boolean allowRemote) {
        int given = (present(page.path()) ? 1 : 0) + (present(page.url()) ? 1 : 0)
                + (page.lhr() != null && !page.lhr().isEmpty() ? 1 : 0);
        if (given != 1) {
            throw error(at, "page '" + page.name() + "' needs exactly one of path, url or lhr");
        }
        URI url = null;
        List<Path> imported = List.of();
        if (page.lhr() != null && !page.lhr().isEmpty()) {
            Path folder = file.toAbsolutePath().getParent();
            imported = page.lhr().stream().map(folder::resolve).toList();
        } else {
            url = url(page, at, base);
            if (!allowRemote) {
                try {
                    io.perfgate.core.load.LoopbackTarget.require(url, label + " page '" + page.name() + "'");
                } catch (RuntimeException e) {
                    throw new FrontendConfigurationException(e.getMessage(), e);
                }
            }
        }
        Integer runs = first(overrides.runs(), page.runs(), defaults.runs(), DEFAULT_RUNS);
        if (runs < 1) {
            throw error(at + ".runs", "must be 1 or more, got " + runs);
        }
        FormFactor formFactor = FormFactor.of(first(overrides.formFactor(), page.formFactor(), defaults.formFactor(),
                "mobile"), source(at + ".formFactor"));
        Throttling throttling = Throttling.of(first(overrides.throttling(), page.throttling(), defaults.throttling(),
                "simulate"), source(at + ".throttling"));
        String spreadText = first(null, page.maxSpread(), defaults.maxSpread(), null);
        double maxSpread = spreadText == null ? DEFAULT_MAX_SPREAD
                : QuantityKind.PERCENT.parse(spreadText, source(at + ".maxSpread"));
        return new PageDefinition(label, page.name(), url, imported, runs, formFactor, throttling, maxSpread,
                gates(page, at, spec));
    }

    private URI url(Page page, String at, String base) {
        try {
            if (present(page.url())) {
                return URI.create(page.url().strip());
            }
            if (!present(base)) {
                throw error(at + ".path", "is relative, but no baseUrl is set; set baseUrl in " + label
                        + " or the goal's baseUrl, such as http://127.0.0.1:8080");
            }
            String path = page.path().strip();
            return URI.create(base.endsWith("/") && path.startsWith("/") ? base + path.substring(1)
                    : base.endsWith("/") || path.startsWith("/") ? base + path : base + "/" + path);
        } catch (IllegalArgumentException e) {
            throw error(at, "page '" + page.name() + "' has no valid URL: " + e.getMessage());
        }
    }

    private List<GateDeclaration> gates(Page page, String at, boolean spec) {
        Map<String, String> bounds = new LinkedHashMap<>(spec ? SPEC_BOUNDS : Map.of());
        Level level = Level.BLOCKING;
        boolean allowInconclusive = false;
        if (page.gates() != null) {
            for (Map.Entry<String, Object> entry : page.gates().entrySet()) {
                String key = entry.getKey();
                String value = entry.getValue() == null ? "" : String.valueOf(entry.getValue());
                switch (key) {
                    case "level" -> level = level(value, at);
                    case "allowInconclusive" -> allowInconclusive = Boolean.parseBoolean(value);
                    default -> bounds.put(key, value);
                }
            }
        }
        if (bounds.isEmpty()) {
            return List.of();
        }
        String declaredOn = label + " page '" + page.name() + "'" + (spec ? " (specification defaults on)" : "");
        GateDeclaration declaration = new GateDeclaration(GateType.FRONTEND.declarationName(), level,
                allowInconclusive, declaredOn, bounds, null);
        // read here too, so a bad bound stops the goal before any Lighthouse run
        try {
            GateReader.read(declaration, label + " " + at + ".gates",
                    (attribute, text) -> label + " " + at + ".gates." + attribute);
        } catch (InvalidGateException e) {
            throw new FrontendConfigurationException(e.getMessage(), e);
        }
        return List.of(declaration);
    }

    private Level level(String value, String at) {
        try {
            return Level.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(at + ".gates.level", "'" + value + "' is no level; expected BLOCKING, WARNING or ADVISORY");
        }
    }

    private boolean specDefaults(String gateDefaults) {
        if (gateDefaults == null || gateDefaults.isBlank() || gateDefaults.strip().equalsIgnoreCase("none")) {
            return false;
        }
        if (gateDefaults.strip().equalsIgnoreCase("spec")) {
            return true;
        }
        throw error("gateDefaults", "'" + gateDefaults + "' is unknown; expected none or spec");
    }

    private Document document() {
        boolean json = label.toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            return (json ? JSON : YAML).readValue(file.toFile(), Document.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce("", String::concat);
            throw new FrontendConfigurationException(label + (path.isEmpty() ? "" : " at " + path.substring(
                    path.startsWith(".") ? 1 : 0)) + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new FrontendConfigurationException(label + " is not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FrontendConfigurationException("cannot read " + file + ": " + e.getMessage()
                    + "; create it (see docs/frontend.md) or point the goal's pages parameter at it", e);
        }
    }

    private String source(String path) {
        return label + " " + path;
    }

    private FrontendConfigurationException error(String path, String message) {
        return new FrontendConfigurationException(label + " " + path + ": " + message);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                return value;
            }
        }
        return null;
    }
}
