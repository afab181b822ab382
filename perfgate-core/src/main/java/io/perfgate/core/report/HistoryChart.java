package io.perfgate.core.report;

import io.perfgate.core.gate.QuantityKind;

import java.util.List;
import java.util.Locale;

import static io.perfgate.core.report.Markup.escape;

/**
 * A small inline-SVG history of one metric: one dot per run (the current run last and larger), the
 * baseline as a dashed grey line, the allowed change as a dashed red line, and each change point found
 * in the history as a dotted vertical line.
 */
final class HistoryChart {
    private static final int WIDTH = 200;
    private static final int HEIGHT = 56;
    private static final int PAD = 6;

    private final String title;
    private final double[] values;
    private final double baseline;
    private final double limit;
    private final List<Integer> changePoints;
    private final QuantityKind kind;
    private final boolean lastIsBad;

    /**
     * @param values       one figure per run, oldest first, the current run last
     * @param baseline     the baseline's figure; NaN when none
     * @param limit        the figure at the allowed change; NaN when none
     * @param changePoints indexes where the history changes level
     * @param lastIsBad    draws the current run red (a regression)
     */
    HistoryChart(String title, double[] values, double baseline, double limit, List<Integer> changePoints,
                 QuantityKind kind, boolean lastIsBad) {
        this.title = title;
        this.values = values.clone();
        this.baseline = baseline;
        this.limit = limit;
        this.changePoints = List.copyOf(changePoints);
        this.kind = kind;
        this.lastIsBad = lastIsBad;
    }

    String svg() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        for (double line : new double[] {baseline, limit}) {
            if (!Double.isNaN(line)) {
                low = Math.min(low, line);
                high = Math.max(high, line);
            }
        }
        if (!(high > low)) {
            high = low * 1.05 + 1e-9;
            low = low * 0.95;
        }
        StringBuilder out = new StringBuilder(1024);
        out.append("<svg class=\"history\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n<title>")
                .append(escape(title + ": " + values.length + (values.length == 1 ? " run" : " runs") + ", latest "
                        + kind.format(values[values.length - 1])
                        + (Double.isNaN(baseline) ? "" : ", baseline " + kind.format(baseline))))
                .append("</title>\n");
        for (int index : changePoints) {
            double x = x(index - 0.5);
            out.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(PAD).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#8250df\" stroke-dasharray=\"2 2\"/>\n");
        }
        if (!Double.isNaN(baseline)) {
            horizontal(out, y(baseline, low, high), "#6e7781");
        }
        if (!Double.isNaN(limit)) {
            horizontal(out, y(limit, low, high), "#cf222e");
        }
        if (values.length > 1) {
            out.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"");
            for (int i = 0; i < values.length; i++) {
                out.append(i == 0 ? "" : " ").append(f(x(i))).append(',').append(f(y(values[i], low, high)));
            }
            out.append("\"/>\n");
        }
        for (int i = 0; i < values.length; i++) {
            boolean last = i == values.length - 1;
            out.append("<circle cx=\"").append(f(x(i))).append("\" cy=\"").append(f(y(values[i], low, high)))
                    .append("\" r=\"").append(last ? "3.5" : "2").append("\" fill=\"")
                    .append(last ? (lastIsBad ? "#cf222e" : "#1a7f37") : "#0969da").append("\"/>\n");
        }
        out.append("</svg>");
        return out.toString();
    }

    private void horizontal(StringBuilder out, double y, String color) {
        out.append("<line x1=\"").append(PAD).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(WIDTH - PAD)
                .append("\" y2=\"").append(f(y)).append("\" stroke=\"").append(color)
                .append("\" stroke-dasharray=\"4 3\"/>\n");
    }

    private double x(double index) {
        if (values.length == 1) {
            return WIDTH / 2.0;
        }
        return PAD + index * (WIDTH - 2.0 * PAD) / (values.length - 1);
    }

    private static double y(double value, double low, double high) {
        return HEIGHT - PAD - (value - low) / (high - low) * (HEIGHT - 2.0 * PAD);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
