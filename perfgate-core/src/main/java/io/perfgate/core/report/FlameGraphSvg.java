package io.perfgate.core.report;

import io.perfgate.core.profile.FlameTree;
import io.perfgate.core.profile.MethodNames;
import io.perfgate.core.profile.ProfileDiff;
import io.perfgate.core.profile.ProfileSummary;

import java.util.Locale;

import static io.perfgate.core.report.Markup.escape;
import static io.perfgate.core.report.Markup.escapeAttribute;

/**
 * A flame graph as inline SVG: the root at the bottom, each frame as wide as its share of the samples, its callees
 * above it. Hovering shows the full name and samples. The differential form draws the current profile and colours
 * each frame by how its share changed against the baseline's at the same place in the tree: red grew, blue shrank,
 * white unchanged.
 */
final class FlameGraphSvg {
    private static final int WIDTH = 1000;
    private static final int ROW = 16;
    /** Frames narrower than this are left out: too thin to see or hover. */
    private static final double MIN_WIDTH = 0.5;
    /** Labels need this much room; a character takes about this many pixels. */
    private static final double MIN_LABEL_WIDTH = 24;
    private static final double CHAR_WIDTH = 6.4;

    private final FlameTree tree;
    private final FlameTree baseline;
    private final double maxChange;
    private final StringBuilder out = new StringBuilder();
    private int height;

    private FlameGraphSvg(FlameTree tree, FlameTree baseline) {
        this.tree = tree;
        this.baseline = baseline;
        this.maxChange = baseline == null ? 0 : Math.max(0.01, maxChange(tree, baseline, tree.samples(), baseline.samples()));
    }

    /** The flame graph of one profile; empty text when it has no samples. */
    static String of(ProfileSummary profile, String title) {
        FlameTree tree = FlameTree.of(profile);
        return tree.samples() == 0 ? "" : new FlameGraphSvg(tree, null).render(title);
    }

    /** The differential flame graph of a profile against its baseline's; empty text when it has no samples. */
    static String differential(ProfileDiff diff, String title) {
        FlameTree tree = FlameTree.of(diff.current());
        FlameTree before = FlameTree.of(diff.baseline());
        return tree.samples() == 0 || before.samples() == 0 ? "" : new FlameGraphSvg(tree, before).render(title);
    }

    private String render(String title) {
        height = (tree.depth() + 1) * ROW;
        out.append("<svg class=\"flame\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escapeAttribute(title)).append("\">\n<title>")
                .append(escape(title)).append("</title>\n");
        frame(tree, baseline, 0, 0, WIDTH);
        return out.append("</svg>\n").toString();
    }

    private void frame(FlameTree node, FlameTree before, int depth, double x, double width) {
        double y = height - (depth + 1) * ROW;
        double share = (double) node.samples() / tree.samples();
        String label = depth == 0 ? node.name() : MethodNames.shortName(node.name());
        StringBuilder tip = new StringBuilder(node.name()).append(" \u2014 ")
                .append(String.format(Locale.ROOT, "%,d samples, %.1f%%", node.samples(), share * 100));
        String fill;
        if (baseline != null) {
            double change = share - shareOf(before, baseline);
            tip.append(String.format(Locale.ROOT, ", %+.1f%% against the baseline", change * 100));
            fill = diffColour(change / maxChange);
        } else {
            fill = warmColour(node.name());
        }
        out.append("<g><title>").append(escape(tip.toString())).append("</title><rect x=\"").append(num(x))
                .append("\" y=\"").append(y).append("\" width=\"").append(num(Math.max(0, width - 0.5)))
                .append("\" height=\"").append(ROW - 1).append("\" fill=\"").append(fill).append("\"/>");
        if (width >= MIN_LABEL_WIDTH) {
            int fits = (int) ((width - 6) / CHAR_WIDTH);
            String shown = label.length() <= fits ? label : label.substring(0, Math.max(1, fits - 2)) + "..";
            out.append("<text x=\"").append(num(x + 3)).append("\" y=\"").append(y + 11).append("\">")
                    .append(escape(shown)).append("</text>");
        }
        out.append("</g>\n");
        double childX = x;
        for (FlameTree child : node.children()) {
            double childWidth = width * child.samples() / node.samples();
            if (childWidth >= MIN_WIDTH) {
                frame(child, before == null ? null : before.child(child.name()), depth + 1, childX, childWidth);
            }
            childX += childWidth;
        }
    }

    private static double shareOf(FlameTree node, FlameTree root) {
        return node == null ? 0 : (double) node.samples() / root.samples();
    }

    private static double maxChange(FlameTree node, FlameTree before, long total, long beforeTotal) {
        double change = Math.abs((double) node.samples() / total
                - (before == null ? 0 : (double) before.samples() / beforeTotal));
        for (FlameTree child : node.children()) {
            change = Math.max(change, maxChange(child, before == null ? null : before.child(child.name()), total,
                    beforeTotal));
        }
        return change;
    }

    /** Red for growth, blue for shrinkage, the stronger the larger; white for none. */
    static String diffColour(double relative) {
        double strength = Math.min(1, Math.abs(relative));
        int fade = (int) Math.round(255 - 200 * strength);
        return relative >= 0 ? rgb(255, fade, fade) : rgb(fade, fade, 255);
    }

    /** The classic flame colours, stable per name. */
    private static String warmColour(String name) {
        int hash = name.hashCode() & 0x7fffffff;
        return rgb(205 + hash % 50, 80 + (hash / 50) % 150, 30 + (hash / 7500) % 50);
    }

    private static String rgb(int r, int g, int b) {
        return "rgb(" + r + "," + g + "," + b + ")";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
