package io.perfgate.core.report;

import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencySummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.perfgate.core.report.Markup.escape;

/**
 * A small inline-SVG chart of a latency distribution: p50 to p99.9 and the max on an axis that spreads the
 * tail ({@code -log10(1 - q)}, so p90, p99 and p99.9 are evenly spaced), the value upwards, and a dashed line
 * for each target and threshold a latency gate sets. The value axis is linear in milliseconds, or logarithmic
 * (one grid line a decade) when the plotted values span more than {@link #LOG_SCALE_SPAN} times, so a fast
 * body with one slow outlier does not flatten every percentile onto zero.
 */
final class PercentileChart {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final double MAX_POSITION = 3.6;
    private static final double FIRST_POSITION = position(0.5);
    /** Bounds up to this multiple of the highest plotted value are drawn as lines. */
    private static final double BOUND_HEADROOM = 1.5;
    static final double LOG_SCALE_SPAN = 20;

    /** A horizontal line at a bound, in nanoseconds; thresholds red, targets amber. */
    record BoundLine(String label, double nanos, boolean threshold) {
    }

    private record Point(String label, double position, double nanos) {
    }

    private final String title;
    private final List<Point> points;
    private final List<BoundLine> bounds;

    PercentileChart(String title, LatencySummary summary, List<BoundLine> bounds) {
        this.title = title;
        this.points = List.of(
                new Point("p50", position(0.5), summary.p50()),
                new Point("p90", position(0.9), summary.p90()),
                new Point("p95", position(0.95), summary.p95()),
                new Point("p99", position(0.99), summary.p99()),
                new Point("p99.9", position(0.999), summary.p999()),
                new Point("max", MAX_POSITION, summary.max()));
        this.bounds = List.copyOf(bounds);
    }

    private static double position(double quantile) {
        return -Math.log10(1 - quantile);
    }

    String svg() {
        double highestMillis = 0;
        for (Point point : points) {
            highestMillis = Math.max(highestMillis, point.nanos() / 1e6);
        }
        // A bound far above the data would flatten the curve: such bounds are named above the plot instead.
        double ceilingMillis = Math.max(highestMillis, 1e-3) * BOUND_HEADROOM;
        List<BoundLine> drawn = new ArrayList<>();
        List<BoundLine> above = new ArrayList<>();
        for (BoundLine bound : bounds) {
            if (bound.nanos() / 1e6 <= ceilingMillis) {
                drawn.add(bound);
                highestMillis = Math.max(highestMillis, bound.nanos() / 1e6);
            } else {
                above.add(bound);
            }
        }
        double lowestNanos = Double.MAX_VALUE;
        for (Point point : points) {
            lowestNanos = Math.min(lowestNanos, Math.max(point.nanos(), 1));
        }
        Scale scale = highestMillis * 1e6 / lowestNanos > LOG_SCALE_SPAN
                ? Scale.logarithmic(lowestNanos, highestMillis * 1e6)
                : Scale.linear(highestMillis);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n<title>")
                .append(escape(title)).append("</title>\n");
        int plotBottom = HEIGHT - BOTTOM;
        int plotRight = WIDTH - RIGHT;
        // y grid and labels
        for (double tickNanos : scale.ticksNanos()) {
            double y = scale.y(tickNanos);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(y)).append("\" x2=\"")
                    .append(plotRight).append("\" y2=\"").append(number(y))
                    .append("\" stroke=\"#eaeef2\" stroke-width=\"1\"/>\n");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(number(y + 4))
                    .append("\" text-anchor=\"end\">").append(escape(scale.label(tickNanos))).append("</text>\n");
        }
        if (!scale.logarithmic()) {
            // a logarithmic axis needs no title: its decade labels carry their units
            svg.append("<text x=\"12\" y=\"").append(number(TOP + (plotBottom - TOP) / 2.0))
                    .append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
                    .append(number(TOP + (plotBottom - TOP) / 2.0)).append(")\">ms</text>\n");
        }
        // axes
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(plotBottom).append("\" stroke=\"#8c959f\" stroke-width=\"1\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(plotBottom).append("\" x2=\"")
                .append(plotRight).append("\" y2=\"").append(plotBottom)
                .append("\" stroke=\"#8c959f\" stroke-width=\"1\"/>\n");
        // x labels
        for (Point point : points) {
            svg.append("<text x=\"").append(number(x(point.position()))).append("\" y=\"").append(plotBottom + 16)
                    .append("\" text-anchor=\"middle\">").append(point.label()).append("</text>\n");
        }
        // bounds, drawn under the curve; thresholds labelled on the right, targets on the left, so a
        // target..threshold pair close together stays readable
        for (BoundLine bound : drawn) {
            double y = scale.y(bound.nanos());
            String colour = bound.threshold() ? "#cf222e" : "#bf8700";
            String text = escape(bound.label() + " " + QuantityKind.DURATION.format(bound.nanos()));
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(y)).append("\" x2=\"")
                    .append(plotRight).append("\" y2=\"").append(number(y)).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>").append(text)
                    .append("</title></line>\n");
            svg.append("<text x=\"").append(bound.threshold() ? plotRight - 4 : LEFT + 4).append("\" y=\"")
                    .append(number(y - 4)).append("\" text-anchor=\"").append(bound.threshold() ? "end" : "start")
                    .append("\" style=\"fill:").append(colour).append("\">").append(text).append("</text>\n");
        }
        if (!above.isEmpty()) {
            List<String> names = new ArrayList<>();
            above.forEach(bound -> names.add(bound.label() + " " + QuantityKind.DURATION.format(bound.nanos())));
            svg.append("<text x=\"").append(plotRight - 4).append("\" y=\"").append(TOP + 10)
                    .append("\" text-anchor=\"end\">").append(escape("above the chart: " + String.join(", ", names)))
                    .append("</text>\n");
        }
        // the distribution
        List<String> coordinates = new ArrayList<>();
        for (Point point : points) {
            coordinates.add(number(x(point.position())) + "," + number(scale.y(point.nanos())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"")
                .append(String.join(" ", coordinates)).append("\"/>\n");
        for (Point point : points) {
            svg.append("<circle cx=\"").append(number(x(point.position()))).append("\" cy=\"")
                    .append(number(scale.y(point.nanos()))).append("\" r=\"3.5\" fill=\"#0969da\"><title>")
                    .append(escape(point.label() + " = " + QuantityKind.DURATION.format(point.nanos())))
                    .append("</title></circle>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(double position) {
        double usable = WIDTH - LEFT - RIGHT - 40;
        return LEFT + 20 + (position - FIRST_POSITION) / (MAX_POSITION - FIRST_POSITION) * usable;
    }

    /** The value axis: where a value in nanoseconds goes, and its grid. */
    private record Scale(boolean logarithmic, double bottom, double top, double step) {

        /** Milliseconds from zero, grid lines at round values. */
        static Scale linear(double highestMillis) {
            double step = niceStep(Math.max(highestMillis * 1.05, 0.001) / 5);
            double top = Math.ceil(highestMillis * 1.05 / step) * step;
            return new Scale(false, 0, top <= 0 ? step : top, step);
        }

        /** Whole decades of nanoseconds around the values. */
        static Scale logarithmic(double lowestNanos, double highestNanos) {
            double bottom = Math.floor(Math.log10(lowestNanos));
            double top = Math.max(Math.ceil(Math.log10(highestNanos * 1.05)), bottom + 1);
            return new Scale(true, bottom, top, 1);
        }

        double y(double nanos) {
            double usable = HEIGHT - TOP - BOTTOM;
            double share = logarithmic
                    ? (Math.log10(Math.max(nanos, 1)) - bottom) / (top - bottom)
                    : nanos / 1e6 / top;
            return HEIGHT - BOTTOM - share * usable;
        }

        List<Double> ticksNanos() {
            List<Double> ticks = new ArrayList<>();
            long count = Math.round((top - bottom) / step);
            for (long i = 0; i <= count; i++) {
                double tick = bottom + i * step;
                ticks.add(logarithmic ? Math.pow(10, tick) : tick * 1e6);
            }
            return ticks;
        }

        String label(double nanos) {
            return logarithmic ? QuantityKind.DURATION.format(nanos) : QuantityKind.significant(nanos / 1e6);
        }
    }

    /** 1, 2, 2.5 or 5 times a power of ten: grid lines at round values. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double normalised = rough / magnitude;
        double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** SVG coordinates with one decimal and a point, whatever the default locale. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
