package io.perfgate.maven;

import io.perfgate.core.frontend.PageFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code perfgate:lighthouse} declared in the pom, as Maven fills it from {@code <inlinePages><page>}:
 * the same fields as a page of {@code lighthouse.yaml}, checked by the same reader ({@link PageFile#inline}).
 */
public class InlinePage {
    private String name;
    private String path;
    private String url;
    private List<String> lhr;
    private Integer runs;
    private String formFactor;
    private String throttling;
    private String maxSpread;
    /** Bounds by metric ({@code <lcp>2.5s</lcp>}), plus {@code level} and {@code allowInconclusive}. */
    private Map<String, String> gates;

    PageFile.Page toPage() {
        return new PageFile.Page(name, path, url, lhr, runs, formFactor, throttling, maxSpread,
                gates == null ? null : new LinkedHashMap<>(gates));
    }
}
