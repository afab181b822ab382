package io.perfgate.core.report;

import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Metric;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.memory.LeakEstimate;
import io.perfgate.core.memory.SlopeEstimate;
import io.perfgate.core.result.MemoryMeasurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The memory family's part of a test's section: heap, allocation and GC figures, and the leak trend chart. */
final class MemoryFigures {
    private MemoryFigures() {
    }

    /** Memory figures, and for a leak bound the heap-after-GC trend: the chart a leak verdict rests on. */
    static void render(StringBuilder out, TestOutcome test, MemoryMeasurement memory) {
        if (memory == null) {
            return;
        }
        List<String[]> figures = new ArrayList<>();
        if (memory.heapAfterGcBytes() != null) {
            figures.add(new String[] {"heap after GC", QuantityKind.SIZE.format(memory.heapAfterGcBytes())});
        }
        if (memory.allocatedBytesPerInvocation() != null) {
            figures.add(new String[] {"allocation per invocation",
                    QuantityKind.SIZE.format(memory.allocatedBytesPerInvocation())});
        }
        if (memory.gcPauseMaxNanos() != null) {
            figures.add(new String[] {"max GC pause", QuantityKind.DURATION.format(memory.gcPauseMaxNanos())});
        }
        if (memory.gcTimeNanos() != null) {
            figures.add(new String[] {"GC time", QuantityKind.DURATION.format(memory.gcTimeNanos())});
        }
        if (memory.gcCount() != null) {
            figures.add(new String[] {"collections", QuantityKind.grouped(memory.gcCount())});
        }
        Optional<LeakEstimate> leak = memory.heapTrend() == null ? Optional.empty() : LeakEstimate.of(memory.heapTrend());
        if (memory.heapTrend() != null) {
            figures.add(new String[] {"heap samples", QuantityKind.grouped(memory.heapTrend().samples().size())});
        }
        leak.ifPresent(estimate -> {
            figures.add(new String[] {"leak per invocation", slope(estimate.perInvocation(), QuantityKind.SIZE)});
            figures.add(new String[] {"leak per hour", slope(estimate.perSecond(), QuantityKind.SIZE_RATE)});
        });
        if (figures.isEmpty()) {
            return;
        }
        out.append("<div class=\"latency\">\n");
        leak.ifPresent(estimate -> out.append(new HeapTrendChart("Heap after GC of " + test.label() + ": "
                + slope(estimate.perInvocation(), QuantityKind.SIZE) + " per invocation", estimate,
                leakThreshold(test)).svg()));
        TestSection.figureTable(out, "Memory", figures);
        out.append("</div>\n");
    }

    private static String slope(SlopeEstimate slope, QuantityKind kind) {
        return kind.format(slope.slope()) + " (" + Math.round(slope.confidence() * 100) + "% interval "
                + kind.format(slope.lower()) + " .. " + kind.format(slope.upper()) + ")";
    }

    /** The leakPerInvocation threshold of the test's memory gate, for the chart's comparison line. */
    private static OptionalDouble leakThreshold(TestOutcome test) {
        for (GateOutcome gate : test.gates()) {
            for (MetricOutcome metric : gate.metrics()) {
                if (metric.metric() == Metric.LEAK_PER_INVOCATION) {
                    return OptionalDouble.of(metric.bound().threshold());
                }
            }
        }
        return OptionalDouble.empty();
    }
}
