package bench;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The test bench/busy-machine.sh slows down: {@code -Dbench.slowdown=1.3} hashes 13 buffers instead of 10. */
class HashTest {
    private static final byte[] BUFFER = "perfgate busy machine ".repeat(200).getBytes(StandardCharsets.UTF_8);
    static byte[] sink;

    @Test
    @LatencyGate(p50 = "200ms", p95 = "1s")
    void sha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = Slowdown.repetitions(10); i > 0; i--) {
            digest.update(BUFFER);
        }
        sink = digest.digest();
    }
}
