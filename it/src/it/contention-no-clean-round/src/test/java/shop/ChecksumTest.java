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
     * thread about a fifth of a CPU, so every round waits far beyond the 10% allowed. The rounds last about 150 ms,
     * so the scheduler's credit for the 100 ms pause before a round is measured again cannot make one clean.
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
    @PerfTest(invocations = 2_000, warmupInvocations = 200)
    @LatencyGate(p95 = "1s")
    void sha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] data = new byte[4096];
        for (int i = 0; i < 32; i++) {
            data = digest.digest(data);
        }
        sink = data;
    }
}
