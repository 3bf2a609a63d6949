package dev.eventsourcing.persistence;

import dev.eventsourcing.Settings;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A {@link Compressor} that writes the zlib format (RFC 1950, deflate with a header and an
 * Adler-32 checksum) with {@code java.util.zip}, the format Python's {@code zlib} module reads.
 * Thread-safe: each call uses a deflater or inflater of its own.
 *
 * <p>Decompression stops at a maximum size ({@link DecodingLimits#maxStateBytes()}): zlib
 * inflates up to about a thousand times, so a few hundred kilobytes of crafted data would
 * otherwise fill any heap. Data that inflates further is an {@link UndecodableStateException},
 * and no more than the maximum (and less than twice it in buffers) is ever allocated for it.
 */
public final class ZlibCompressor implements Compressor {

    /** The largest array a JVM allocates safely. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int level;
    private final long maxDecompressedBytes;

    /** A compressor with zlib's default level and the default maximum decompressed size. */
    public ZlibCompressor() {
        this(Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * A compressor with the given level and the default maximum decompressed size.
     *
     * @param level 0 (no compression) to 9 (smallest), or -1 for zlib's default
     * @throws IllegalArgumentException for any other level
     */
    public ZlibCompressor(int level) {
        this(level, DecodingLimits.DEFAULT_MAX_STATE_BYTES);
    }

    /**
     * A compressor with the given level and maximum decompressed size.
     *
     * @param level                0 (no compression) to 9 (smallest), or -1 for zlib's default
     * @param maxDecompressedBytes the most bytes {@link #decompress} returns (at most about 2 GiB,
     *                             the largest array)
     * @throws IllegalArgumentException for any other level, or a maximum below 1
     */
    public ZlibCompressor(int level, long maxDecompressedBytes) {
        if (level < Deflater.DEFAULT_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("zlib compression level must be -1 or from 0 to 9, was " + level);
        }
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("The maximum decompressed size must be positive, was " + maxDecompressedBytes);
        }
        this.level = level;
        this.maxDecompressedBytes = Math.min(maxDecompressedBytes, MAX_ARRAY);
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

    /**
     * {@inheritDoc}
     *
     * @throws UndecodableStateException also when the data inflates to more than the maximum
     */
    @Override
    public byte[] decompress(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] out = new byte[(int) Math.min(maxDecompressedBytes, Math.max(64L, data.length * 4L))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (size == maxDecompressedBytes) {
                        checkNothingMore(inflater, data.length);
                        continue;
                    }
                    // Grow by doubling, but never past the maximum: a bomb costs at most that much.
                    out = Arrays.copyOf(out, (int) Math.min(maxDecompressedBytes, 2L * size));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw truncated(data.length);
                }
                size += n;
            }
            if (inflater.getRemaining() > 0) {
                throw new UndecodableStateException("zlib data has " + inflater.getRemaining()
                        + " bytes after the end of its stream");
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new UndecodableStateException("Not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** At the maximum already: the stream must end without another byte of output. */
    private void checkNothingMore(Inflater inflater, int length) throws DataFormatException {
        if (inflater.inflate(new byte[1]) > 0) {
            throw new UndecodableStateException("zlib data of " + length + " bytes inflates to more than "
                    + maxDecompressedBytes + " bytes, the maximum ('" + Settings.DECODING_MAX_STATE_BYTES + "')");
        }
        if (!inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
            throw truncated(length);
        }
    }

    private static UndecodableStateException truncated(int length) {
        // No progress without the end of the stream: the input was cut short.
        return new UndecodableStateException("zlib data ends before the end of its stream (" + length + " bytes)");
    }

    @Override
    public String toString() {
        return "ZlibCompressor[level=" + level + ", maxDecompressedBytes=" + maxDecompressedBytes + "]";
    }
}
