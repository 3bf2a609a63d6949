package dev.eventsourcing.system;

import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.persistence.Notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of a {@link DecisionLog}'s notification: a DCB event's tags, metadata and data in
 * one array, so that the event travels through the runner as a {@link Notification} and comes
 * out whole. Never stored: made from each read, and read by the same runner.
 */
final class DecisionEnvelope {

    private DecisionEnvelope() {
    }

    /** The tags, the metadata, then the data of the event. */
    static byte[] seal(DcbEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(event.tags().size());
            for (String tag : event.tags()) {
                write(out, tag);
            }
            out.writeInt(event.metadata().size());
            for (Map.Entry<String, String> entry : event.metadata().entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
            out.write(event.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by an array
        }
        return bytes.toByteArray();
    }

    /** The event a notification of a decision log carries. */
    static DcbEvent open(Notification notification) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(notification.state()))) {
            Set<String> tags = new LinkedHashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                tags.add(read(in));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                metadata.put(read(in), read(in));
            }
            return new DcbEvent(notification.topic(), in.readAllBytes(), tags, notification.originatorId(), metadata);
        } catch (IOException e) {
            throw new IllegalArgumentException("Notification " + notification.id() + " is not of a decision log", e);
        }
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String read(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
