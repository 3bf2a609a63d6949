package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZlibCompressorTest {

    private final ZlibCompressor compressor = new ZlibCompressor();

    @Test
    void compressedDataDecompressesToTheOriginal() {
        byte[] random = new byte[100_000];
        new Random(42).nextBytes(random);
        for (byte[] data : new byte[][] {new byte[0], "a".getBytes(StandardCharsets.UTF_8), random,
                "{\"amount\":10.00}".repeat(10_000).getBytes(StandardCharsets.UTF_8)}) {
            assertArrayEquals(data, compressor.decompress(compressor.compress(data)));
        }
    }

    @Test
    void compressedDataIsStandardZlibThatShrinksRepetitiveJson() throws IOException {
        byte[] json = "{\"amount\":10.00}".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = new ZlibCompressor(9).compress(json);
        assertTrue(compressed.length < json.length / 20, compressed.length + " bytes");
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(compressed))) {
            assertArrayEquals(json, in.readAllBytes());
        }
    }

    @Test
    void dataThatIsNotCompleteZlibDataFailsWithAnUndecodableStateError() {
        byte[] compressed = compressor.compress("hello, hello, hello".getBytes(StandardCharsets.UTF_8));
        assertThrows(UndecodableStateException.class, () -> compressor.decompress("{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(UndecodableStateException.class, () -> compressor.decompress(Arrays.copyOf(compressed, compressed.length - 3)));
        byte[] trailing = Arrays.copyOf(compressed, compressed.length + 2);
        assertThrows(UndecodableStateException.class, () -> compressor.decompress(trailing));
        assertThrows(UndecodableStateException.class, () -> compressor.decompress(new byte[0]));
    }

    @Test
    void levelsOutsideZlibsRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ZlibCompressor(10));
        assertThrows(IllegalArgumentException.class, () -> new ZlibCompressor(-2));
    }
}
