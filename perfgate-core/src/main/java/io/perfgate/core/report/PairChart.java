package io.perfgate.core.report;

import io.perfgate.core.compare.PairedComparison;

import java.util.Locale;

import static io.perfgate.core.report.Markup.escape;

/**
 * An inline SVG of one compared metric pair by pair: base (grey) and head (blue) in run order. When the machine's
 * speed drifts both lines move together; a regression shows as head lying above base in every pair.
 */
final class PairChart {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 90;
    private static final int PAD = 8;
    private static final String BASE_COLOR = "#6e7781";
    private static final String HEAD_COLOR = "#0969da";

    private PairChart() {
    }

    static String svg(PairedComparison comparison) {
        double[] base = comparison.baseValues();
        double[] head = comparison.headValues();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] side : new double[][] {base, head}) {
            for (double value : side) {
                if (!Double.isNaN(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (Double.isInfinite(low)) {
            return "";
        }
        if (!(high > low)) {
            high = low * 1.05 + 1e-9;
            low = low * 0.95;
        }
        String title = comparison.testLabel() + " " + comparison.metric().label() + " per pair: base "
                + comparison.metric().kind().format(comparison.baseValue()) + ", head "
                + comparison.metric().kind().format(comparison.headValue()) + " (medians)";
        StringBuilder out = new StringBuilder(2048);
        out.append("<svg class=\"pairs\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n<title>")
                .append(escape(title)).append("</title>\n");
        line(out, base, low, high, BASE_COLOR);
        line(out, head, low, high, HEAD_COLOR);
        out.append("<text x=\"").append(PAD).append("\" y=\"").append(HEIGHT - 1).append("\">")
                .append(escape(comparison.metric().kind().format(low) + " – " + comparison.metric().kind().format(high)))
                .append("</text>\n<text x=\"").append(WIDTH - 90).append("\" y=\"").append(HEIGHT - 1)
                .append("\" fill=\"").append(BASE_COLOR).append("\">base</text><text x=\"").append(WIDTH - 50)
                .append("\" y=\"").append(HEIGHT - 1).append("\" style=\"fill:").append(HEAD_COLOR)
                .append("\">head</text>\n</svg>");
        return out.toString();
    }

    private static void line(StringBuilder out, double[] values, double low, double high, String color) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            double x = x(i, values.length);
            double y = y(values[i], low, high);
            points.append(points.length() == 0 ? "" : " ").append(f(x)).append(',').append(f(y));
            out.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"2.5\" fill=\"")
                    .append(color).append("\"/>\n");
        }
        if (values.length > 1) {
            out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                    .append(points).append("\"/>\n");
        }
    }

    private static double x(int index, int count) {
        return count == 1 ? WIDTH / 2.0 : PAD + index * (WIDTH - 2.0 * PAD) / (count - 1);
    }

    private static double y(double value, double low, double high) {
        return HEIGHT - 14 - (value - low) / (high - low) * (HEIGHT - 14.0 - PAD);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
