package bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Sorts records by two keys with a composed Comparator: lambdas, megamorphic calls, TimSort. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SortBench {
    public record Order(String customer, long amountCents, int id) {
    }

    private static final Comparator<Order> BY_CUSTOMER_THEN_AMOUNT = Comparator.comparing(Order::customer)
            .thenComparing(Comparator.comparingLong(Order::amountCents).reversed())
            .thenComparingInt(Order::id);

    @Param({"5000"})
    public int size;

    private List<Order> orders;

    @Setup(Level.Trial)
    public void orders() {
        SplittableRandom random = new SplittableRandom(7);
        orders = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            orders.add(new Order("customer-" + random.nextInt(size / 10), random.nextLong(1_000_000), i));
        }
    }

    @Benchmark
    public List<Order> sort() {
        List<Order> copy = new ArrayList<>(orders);
        copy.sort(BY_CUSTOMER_THEN_AMOUNT);
        return copy;
    }
}
