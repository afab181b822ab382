package bench;

/** {@code -Dbench.slowdown=1.3}: 30 % more work in the test that reads it (bench/busy-machine.sh). */
final class Slowdown {
    private Slowdown() {
    }

    /** {@code base} repetitions, times the slowdown. */
    static int repetitions(int base) {
        return (int) Math.round(base * Double.parseDouble(System.getProperty("bench.slowdown", "1")));
    }
}
