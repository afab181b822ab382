package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What Lighthouse measured on one page, for {@code lighthouse} results: every run's figures, so {@code check}
 * judges the median and sees the spread.
 *
 * @param url               the page Lighthouse loaded
 * @param formFactor        {@code mobile} or {@code desktop}
 * @param throttling        {@code simulate}, {@code devtools}, {@code provided} or a named preset such as {@code 3g}
 * @param lighthouseVersion the version that measured (from the report)
 * @param runs              one entry per run, in order
 * @param failure           Lighthouse's message when the page could not be measured (load failure, error status,
 *                          {@code runtimeError}); null when every run measured it. Never a pass.
 * @param maxSpread         the share (0.2 is 20 %) by which runs may disagree before a verdict they split on is
 *                          INCONCLUSIVE
 * @param screenshot        the last run's final screenshot as a {@code data:} URI, when the report held one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontendDetails(
        String url,
        String formFactor,
        String throttling,
        String lighthouseVersion,
        List<Run> runs,
        String failure,
        double maxSpread,
        String screenshot) {

    public FrontendDetails {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /**
     * One Lighthouse run.
     *
     * @param metrics    metric attribute ({@code lcp}, {@code cls}) to value in the metric's base unit (ns, bytes,
     *                   count, plain number); a metric Lighthouse could not compute is absent
     * @param htmlReport Lighthouse's own HTML report of this run, relative to the perfgate directory
     * @param jsonReport the run's LHR JSON, relative to the perfgate directory (or as given, for imports)
     * @param error      Lighthouse's message when this run failed; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(Map<String, Double> metrics, String htmlReport, String jsonReport, String error) {
        public Run {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }

    /** The runs that measured the page. */
    @JsonIgnore
    public List<Run> measuredRuns() {
        return runs.stream().filter(run -> run.error() == null).toList();
    }
}
