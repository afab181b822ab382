package io.perfgate.core.frontend;

import io.perfgate.core.result.GateDeclaration;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One page to measure (or one saved Lighthouse result to judge), with its gates.
 *
 * @param file       the configuration file, naming the result's "class" ({@code lighthouse.yaml})
 * @param name       unique in the file; names the result
 * @param url        the page; null when the page is imported from saved reports
 * @param imported   saved LHR JSON files to judge instead of running Lighthouse; empty otherwise
 * @param runs       Lighthouse runs; the median decides
 * @param maxSpread  share (0.25 is 25 %) by which runs may disagree before a verdict they split on is INCONCLUSIVE
 */
public record PageDefinition(
        String file,
        String name,
        URI url,
        List<Path> imported,
        int runs,
        FormFactor formFactor,
        Throttling throttling,
        double maxSpread,
        List<GateDeclaration> gates) {

    public PageDefinition {
        imported = imported == null ? List.of() : List.copyOf(imported);
        gates = List.copyOf(gates);
    }

    /** A stable id for the result file: the configuration file and the page name. */
    public String id() {
        return "[lighthouse:" + file + "]/[page:" + name + "]";
    }
}
