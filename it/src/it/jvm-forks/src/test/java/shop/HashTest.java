package shop;

import io.perfgate.junit.LatencyGate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

class HashTest {
    private static final byte[] INPUT = "perfgate forks".repeat(64).getBytes(StandardCharsets.UTF_8);
    static byte[] sink;

    @Test
    @LatencyGate(p50 = "50ms")
    void sha256() throws Exception {
        sink = MessageDigest.getInstance("SHA-256").digest(INPUT);
    }
}
