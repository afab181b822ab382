import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * What JDK Flight Recorder's execution sampling keeps and costs, for the period perfgate's JfrProfiler uses.
 * Part 1: samples kept of those expected (duration / period) for a body in plain integer arithmetic and one in
 * Math.log / Math.sqrt (JIT intrinsics), 30,000 calls each at a 5 ms period. Part 2: the measuring thread's CPU
 * time per call of the plain body with recording off and at 5, 2 and 1 ms, alternating, median of 8 blocks.
 * Run: java bench/JfrSampling.java (bench/jfr-sampling.sh).
 */
public class JfrSampling {
    static volatile double doubleSink;
    static volatile long longSink;

    static void plain() {
        long hash = longSink;
        for (int line = 1; line <= 9_000; line++) {
            hash = hash * 31 + line;
            hash ^= hash >>> 17;
        }
        for (int step = 1; step <= 800; step++) {
            hash = hash * 0x9E3779B97F4A7C15L + step;
            hash ^= hash >>> 29;
            hash = Long.rotateLeft(hash, 7);
        }
        longSink = hash;
    }

    static void intrinsic() {
        double sum = doubleSink;
        for (int line = 1; line <= 3_000; line++) {
            sum += Math.sqrt(line * 1.07 + sum * 1e-12);
        }
        for (int step = 1; step <= 800; step++) {
            sum -= Math.log(step + sum * 1e-9) * 1e-6;
        }
        doubleSink = sum;
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("jfr-sampling", ".jfr");
        for (String body : new String[] {"plain", "intrinsic"}) {
            Runnable call = body.equals("plain") ? JfrSampling::plain : JfrSampling::intrinsic;
            for (int i = 0; i < 20_000; i++) {
                call.run();
            }
            Recording recording = new Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            recording.start();
            long start = System.nanoTime();
            for (int i = 0; i < 30_000; i++) {
                call.run();
            }
            long nanos = System.nanoTime() - start;
            recording.stop();
            recording.dump(file);
            recording.close();
            long samples = RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample")).count();
            long expected = nanos / 5_000_000;
            System.out.printf("%-9s %5.1f us/call, %4d samples of %4d expected at 5 ms (%.0f %%)%n", body,
                    nanos / 30_000 / 1e3, samples, expected, 100.0 * samples / expected);
        }
        Files.deleteIfExists(file);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] periods = {0, 5, 2, 1};
        int blocks = 8;
        double[][] perCall = new double[periods.length][blocks];
        for (int block = 0; block < blocks; block++) {
            for (int p = 0; p < periods.length; p++) {
                Recording recording = null;
                if (periods[p] > 0) {
                    recording = new Recording();
                    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(periods[p]));
                    recording.start();
                }
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 30_000; i++) {
                    plain();
                }
                perCall[p][block] = (threads.getCurrentThreadCpuTime() - cpu) / 30_000.0;
                if (recording != null) {
                    recording.close();
                }
            }
        }
        double off = median(perCall[0]);
        for (int p = 0; p < periods.length; p++) {
            double median = median(perCall[p]);
            System.out.printf("period %s: thread CPU %.0f ns/call, median of %d blocks (%+.1f %% against off)%n",
                    periods[p] == 0 ? "off " : periods[p] + " ms", median, blocks, (median / off - 1) * 100);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
