package dev.eventsourcing.persistence;

/**
 * Compresses a stored event's state and restores it: the optional middle step of a
 * {@link Mapper}, applied after encoding and before encryption. Implementations are thread-safe.
 */
public interface Compressor {

    /**
     * Compresses the bytes.
     *
     * @param data the encoded state
     * @return the compressed bytes
     */
    byte[] compress(byte[] data);

    /**
     * Restores bytes made by {@link #compress}.
     *
     * @param data the compressed bytes
     * @return the bytes given to {@link #compress}
     * @throws UndecodableStateException when the bytes are not compressed data of this kind
     */
    byte[] decompress(byte[] data);
}
