package io.perfgate.core.report;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.memory.LeakEstimate;
import io.perfgate.core.result.HeapSample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import static io.perfgate.core.report.Markup.escape;

/**
 * The evidence of a leak verdict as a small inline-SVG chart: heap after GC against invocations, one dot
 * per sample, the fitted Theil–Sen line through them, and (when a per-invocation bound is set) a dashed
 * line from the same start rising at the threshold's slope, so a leak reads as a line steeper than red.
 */
final class HeapTrendChart {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 220;
    private static final int LEFT = 60;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final double MB = 1024.0 * 1024;

    private final String title;
    private final LeakEstimate leak;
    private final OptionalDouble thresholdPerInvocation;

    /** @param thresholdPerInvocation the leakPerInvocation threshold in bytes, when one is declared */
    HeapTrendChart(String title, LeakEstimate leak, OptionalDouble thresholdPerInvocation) {
        this.title = title;
        this.leak = leak;
        this.thresholdPerInvocation = thresholdPerInvocation;
    }

    String svg() {
        List<HeapSample> samples = leak.samples();
        double slope = leak.perInvocation().slope();
        double intercept = intercept(samples, slope);
        double firstX = samples.get(0).invocations();
        double lastX = samples.get(samples.size() - 1).invocations();
        double spanX = Math.max(1, lastX - firstX);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (HeapSample sample : samples) {
            low = Math.min(low, sample.heapAfterGcBytes());
            high = Math.max(high, sample.heapAfterGcBytes());
        }
        double fitStart = intercept + slope * firstX;
        double fitEnd = intercept + slope * lastX;
        low = Math.min(low, Math.min(fitStart, fitEnd));
        high = Math.max(high, Math.max(fitStart, fitEnd));
        // the threshold line is clipped at the top of the data's own range (and at least a little above it)
        double ceiling = Math.max(high, low + 64 * 1024);
        double thresholdEnd = Double.NaN;
        if (thresholdPerInvocation.isPresent()) {
            thresholdEnd = fitStart + thresholdPerInvocation.getAsDouble() * spanX;
            ceiling = Math.max(ceiling, Math.min(thresholdEnd, high + (high - low + 64 * 1024)));
        }
        double step = PercentileChart.niceStep(Math.max((ceiling - low) / MB, 1e-3) / 4);
        double bottomMb = Math.floor(low / MB / step) * step;
        double topMb = Math.ceil(ceiling / MB / step) * step;
        if (topMb <= bottomMb) {
            topMb = bottomMb + step;
        }
        Scale scale = new Scale(firstX, spanX, bottomMb, topMb);

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n<title>")
                .append(escape(title)).append("</title>\n");
        int plotBottom = HEIGHT - BOTTOM;
        int plotRight = WIDTH - RIGHT;
        long ticks = Math.round((topMb - bottomMb) / step);
        for (long i = 0; i <= ticks; i++) {
            double mb = bottomMb + i * step;
            double y = scale.y(mb * MB);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(y)).append("\" x2=\"")
                    .append(plotRight).append("\" y2=\"").append(number(y))
                    .append("\" stroke=\"#eaeef2\" stroke-width=\"1\"/>\n");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(number(y + 4))
                    .append("\" text-anchor=\"end\">").append(escape(QuantityKind.significant(mb))).append("</text>\n");
        }
        double middle = TOP + (plotBottom - TOP) / 2.0;
        svg.append("<text x=\"12\" y=\"").append(number(middle)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
                .append(number(middle)).append(")\">MB after GC</text>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(plotBottom).append("\" stroke=\"#8c959f\" stroke-width=\"1\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(plotBottom).append("\" x2=\"")
                .append(plotRight).append("\" y2=\"").append(plotBottom)
                .append("\" stroke=\"#8c959f\" stroke-width=\"1\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(plotBottom + 16).append("\" text-anchor=\"start\">")
                .append(escape(QuantityKind.grouped((long) firstX))).append("</text>\n");
        svg.append("<text x=\"").append(plotRight).append("\" y=\"").append(plotBottom + 16)
                .append("\" text-anchor=\"end\">").append(escape(QuantityKind.grouped((long) lastX)))
                .append(" invocations</text>\n");
        if (!Double.isNaN(thresholdEnd)) {
            String label = escape("threshold " + QuantityKind.SIZE.format(thresholdPerInvocation.getAsDouble())
                    + " per invocation");
            double endY = Math.max(TOP, scale.y(thresholdEnd));
            double endX = thresholdEnd <= topMb * MB ? plotRight
                    : scale.x(firstX + (topMb * MB - fitStart) / thresholdPerInvocation.getAsDouble());
            svg.append("<line x1=\"").append(number(scale.x(firstX))).append("\" y1=\"").append(number(scale.y(fitStart)))
                    .append("\" x2=\"").append(number(endX)).append("\" y2=\"").append(number(endY))
                    .append("\" stroke=\"#cf222e\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>").append(label)
                    .append("</title></line>\n");
            svg.append("<text x=\"").append(LEFT + 4).append("\" y=\"").append(TOP + 10)
                    .append("\" text-anchor=\"start\" style=\"fill:#cf222e\">").append(label).append("</text>\n");
        }
        svg.append("<line x1=\"").append(number(scale.x(firstX))).append("\" y1=\"").append(number(scale.y(fitStart)))
                .append("\" x2=\"").append(number(scale.x(lastX))).append("\" y2=\"").append(number(scale.y(fitEnd)))
                .append("\" stroke=\"#0969da\" stroke-width=\"2\"><title>")
                .append(escape("fitted: " + QuantityKind.SIZE.format(slope) + " per invocation"))
                .append("</title></line>\n");
        for (HeapSample sample : samples) {
            svg.append("<circle cx=\"").append(number(scale.x(sample.invocations()))).append("\" cy=\"")
                    .append(number(scale.y(sample.heapAfterGcBytes()))).append("\" r=\"3\" fill=\"#0969da\"><title>")
                    .append(escape(QuantityKind.grouped(sample.invocations()) + " invocations: "
                            + QuantityKind.SIZE.format(sample.heapAfterGcBytes())))
                    .append("</title></circle>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Theil–Sen's intercept: the median of y - slope·x. */
    static double intercept(List<HeapSample> samples, double slope) {
        double[] offsets = new double[samples.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = samples.get(i).heapAfterGcBytes() - slope * samples.get(i).invocations();
        }
        Arrays.sort(offsets);
        int n = offsets.length;
        return n % 2 == 1 ? offsets[n / 2] : (offsets[n / 2 - 1] + offsets[n / 2]) / 2;
    }

    private record Scale(double firstX, double spanX, double bottomMb, double topMb) {
        double x(double invocations) {
            return LEFT + 8 + (invocations - firstX) / spanX * (WIDTH - LEFT - RIGHT - 16);
        }

        double y(double bytes) {
            return HEIGHT - BOTTOM - (bytes / MB - bottomMb) / (topMb - bottomMb) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
