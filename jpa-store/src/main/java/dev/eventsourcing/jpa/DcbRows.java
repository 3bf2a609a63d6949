package dev.eventsourcing.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.persistence.DataException;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rows of {@code es_dcb_events}: which columns a read selects, how an event's tags and
 * metadata are kept as text (a JSON array of the tags, sorted; a JSON object of the metadata,
 * sorted by key), and how a selected row becomes a {@link DcbSequencedEvent}.
 */
final class DcbRows {

    /** The longest type or tag the tables hold (VARCHAR(255) keeps their B-tree keys small on MariaDB). */
    static final int MAX_NAME_LENGTH = 255;

    /** The columns a read selects, in the order {@link #event} takes them; the id as text on every database. */
    static final String COLUMNS = "e.event_position, e.event_type, e.data, e.tags, CAST(e.event_id AS CHAR(36)), e.metadata";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() { };

    private DcbRows() {
    }

    /** The name of the application's row in {@code es_applications}, whose counter or sequence gives its positions. */
    static String logName(String applicationName) {
        return "dcb:" + applicationName;
    }

    /** The event's tags as stored: a JSON array, sorted. */
    static String tagsText(DcbEvent event) {
        return write(new TreeSet<>(event.tags()));
    }

    /** The event's metadata as stored: a JSON object, sorted by key. */
    static String metadataText(DcbEvent event) {
        return write(new TreeMap<>(event.metadata()));
    }

    /**
     * Refuses a type or tag longer than the tables hold, before anything is written.
     *
     * @throws DataException naming the name that is too long
     */
    static void checkLengths(List<DcbEvent> events) {
        for (DcbEvent event : events) {
            checkLength(event.type(), "type");
            event.tags().forEach(tag -> checkLength(tag, "tag"));
        }
    }

    static void checkLength(String name, String what) {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DataException("A DCB " + what + " is at most " + MAX_NAME_LENGTH + " characters in the JPA store, not "
                    + name.length() + " ('" + name.substring(0, 40) + "...')", null);
        }
    }

    /** The event of a row selected with {@link #COLUMNS}. */
    static DcbSequencedEvent event(Object[] row) {
        Set<String> tags = Set.copyOf(read(text(row[3]), TAGS));
        Map<String, String> metadata = read(text(row[5]), METADATA);
        UUID id = UUID.fromString(text(row[4]).trim());
        DcbEvent event = new DcbEvent((String) row[1], BinaryColumns.bytes(row[2], "a stored DCB event's data"), tags,
                id, metadata);
        return new DcbSequencedEvent(event, ((Number) row[0]).longValue());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always make JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new DataException("A stored DCB event has tags or metadata that are not the JSON the recorder writes", e);
        }
    }

    // Providers return a text column as a String, but may return a LOB (or a char[]) for the
    // large column types; it is read whole, as BinaryColumns reads a binary one.
    private static String text(Object value) {
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new DataException("Reading a stored DCB event's text failed", e);
            }
        }
        return value instanceof char[] chars ? new String(chars) : (String) value;
    }
}
