package io.perfgate.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stacks of a profile merged into a tree from the root: what a flame graph draws. */
public final class FlameTree {
    private final String name;
    private long samples;
    private final Map<String, FlameTree> children = new LinkedHashMap<>();

    private FlameTree(String name) {
        this.name = name;
    }

    /** The tree of a profile's kept stacks under one root named {@code all}. */
    public static FlameTree of(ProfileSummary profile) {
        FlameTree root = new FlameTree("all");
        for (ProfileSummary.Stack stack : profile.namedStacks()) {
            root.samples += stack.samples();
            FlameTree node = root;
            for (String frame : stack.frames()) {
                node = node.children.computeIfAbsent(frame, FlameTree::new);
                node.samples += stack.samples();
            }
        }
        return root;
    }

    public String name() {
        return name;
    }

    public long samples() {
        return samples;
    }

    /** Children, most samples first. */
    public List<FlameTree> children() {
        return children.values().stream()
                .sorted((a, b) -> a.samples != b.samples ? Long.compare(b.samples, a.samples) : a.name.compareTo(b.name))
                .toList();
    }

    /** The child called {@code frame}; null when there is none. */
    public FlameTree child(String frame) {
        return children.get(frame);
    }

    /** The number of frames on the deepest path below this node. */
    public int depth() {
        int deepest = 0;
        for (FlameTree child : children.values()) {
            deepest = Math.max(deepest, 1 + child.depth());
        }
        return deepest;
    }
}
