import io.perfgate.core.frontend.FormFactor;
import io.perfgate.core.frontend.MedianOfRuns;
import io.perfgate.core.frontend.LighthouseRunner;
import io.perfgate.core.frontend.LighthouseTools;
import io.perfgate.core.frontend.PageDefinition;
import io.perfgate.core.frontend.Throttling;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.result.FrontendDetails;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * bench/lighthouse-vs-lhci.sh and bench/lighthouse-stability.sh: perfgate's Lighthouse runner on one page; prints
 * each metric's runs and median. Arguments: URL, runs, output folder, and optionally the form factor (desktop, the
 * default, or mobile).
 */
public class LighthouseRuns {
    public static void main(String[] args) {
        URI url = URI.create(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        FormFactor formFactor = args.length > 3 && args[3].equals("mobile") ? FormFactor.MOBILE : FormFactor.DESKTOP;
        PageDefinition page = new PageDefinition("bench", "page", url, List.of(), runs, formFactor,
                Throttling.SIMULATE, 0.25, List.of());
        LighthouseTools tools = LighthouseTools.locate(LighthouseTools.defaultCache(), null,
                LighthouseRunner.environment(), System.err::println);
        FrontendDetails details = new LighthouseRunner(tools, null, out, System.err::println).run(page);
        if (details.failure() != null) {
            throw new IllegalStateException(details.failure());
        }
        for (Metric metric : List.of(Metric.FIRST_CONTENTFUL_PAINT, Metric.LARGEST_CONTENTFUL_PAINT,
                Metric.CUMULATIVE_LAYOUT_SHIFT, Metric.TOTAL_BLOCKING_TIME)) {
            double[] values = details.runs().stream().mapToDouble(run -> run.metrics().get(metric.attribute()))
                    .toArray();
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double scale = metric == Metric.CUMULATIVE_LAYOUT_SHIFT ? 1 : 1e6;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "perfgate %-4s median %9.3f runs",
                    metric.label(), MedianOfRuns.median(sorted) / scale));
            for (double value : values) {
                line.append(String.format(Locale.ROOT, " %.3f", value / scale));
            }
            System.out.println(line);
        }
    }
}
