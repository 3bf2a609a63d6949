package dev.eventsourcing.persistence;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A {@link Compressor} that writes the zlib format (RFC 1950, deflate with a header and an
 * Adler-32 checksum) with {@code java.util.zip}, the format Python's {@code zlib} module reads.
 * Thread-safe: each call uses a deflater or inflater of its own.
 */
public final class ZlibCompressor implements Compressor {

    private final int level;

    /** A compressor with zlib's default level, a good balance of speed and size. */
    public ZlibCompressor() {
        this(Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * A compressor with the given level.
     *
     * @param level 0 (no compression) to 9 (smallest), or -1 for zlib's default
     * @throws IllegalArgumentException for any other level
     */
    public ZlibCompressor(int level) {
        if (level < Deflater.DEFAULT_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("zlib compression level must be -1 or from 0 to 9, was " + level);
        }
        this.level = level;
    }

    @Override
    public byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buffer = new byte[Math.max(64, Math.min(data.length + 64, 8192))];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    @Override
    public byte[] decompress(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 4));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                // No progress without the end of the stream: the input was cut short.
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UndecodableStateException("zlib data ends before the end of its stream ("
                            + data.length + " bytes)");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new UndecodableStateException("zlib data has " + inflater.getRemaining()
                        + " bytes after the end of its stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UndecodableStateException("Not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public String toString() {
        return "ZlibCompressor[level=" + level + "]";
    }
}
