package dev.eventsourcing.persistence;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** zlib data that inflates about a thousandfold: what a crafted stored state could hold. */
public final class ZlibBomb {

    private ZlibBomb() {
    }

    /** zlib data of {@code size} zero bytes, made without holding them. */
    public static byte[] of(long size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1024 * 1024];
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (long fed = 0; fed < size; fed += zeros.length) {
                deflater.setInput(zeros, 0, (int) Math.min(zeros.length, size - fed));
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
