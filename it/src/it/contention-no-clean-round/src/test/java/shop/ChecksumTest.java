package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

class ChecksumTest {
    static volatile Object sink;
    private static final List<Thread> HOGS = new ArrayList<>();
    private static volatile boolean stop;

    /**
     * With -Dhogs=true, four spinning threads a core (each stops after two minutes at most) leave the measuring
     * thread about a fifth of a CPU, so every round waits far beyond the 10% allowed. Each round needs about 50 ms
     * of CPU (1,000 invocations of 64 KiB hashed), several times the credit a scheduler gives a
     * thread woken from the pause between rounds, so that credit cannot make one clean: with 400 invocations a round
     * (10 ms), a clean round under the busy threads was possible, and a baseline was recorded.
     */
    @BeforeAll
    static void busyMachine() {
        if (!Boolean.getBoolean("hogs")) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread hog = new Thread(() -> {
                long spins = 0;
                while (!stop && System.nanoTime() < deadline) {
                    spins++;
                }
                sink = spins;
            }, "hog-" + i);
            hog.setDaemon(true);
            hog.start();
            HOGS.add(hog);
        }
    }

    @AfterAll
    static void quietMachine() throws InterruptedException {
        stop = true;
        for (Thread hog : HOGS) {
            hog.join();
        }
    }

    @Test
    @PerfTest(invocations = 5_000, warmupInvocations = 500)
    @LatencyGate(p95 = "1s")
    void sha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[4096];
        for (int i = 0; i < 16; i++) {
            block[0] = (byte) i;
            digest.update(block);
        }
        sink = digest.digest();
    }
}
