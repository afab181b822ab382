package codec;

/** Head: encode mixes 4,000 rounds, twice the base's 2,000. */
public final class Codec {
    private Codec() {
    }

    public static long encode(long seed) {
        long h = seed;
        for (int i = 0; i < 4_000; i++) {
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
