package codec;

/** Base: encode mixes 2,000 rounds. */
public final class Codec {
    private Codec() {
    }

    public static long encode(long seed) {
        long h = seed;
        for (int i = 0; i < 2_000; i++) {
            h = h * 0x9E3779B97F4A7C15L + i;
            h ^= h >>> 29;
        }
        return h;
    }

    public static long checksum(byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
