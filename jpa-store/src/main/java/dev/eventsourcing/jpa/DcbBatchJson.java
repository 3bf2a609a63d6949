package dev.eventsourcing.jpa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQueryItem;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The argument of PostgreSQL's {@code es_dcb_append}: a batch and its condition as one JSON
 * document, so that an append of any size is one statement with three parameters, in one round
 * trip. Tags and types are sorted, so the function's "first tag" of an item is the same one a
 * read starts from.
 */
final class DcbBatchJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DcbBatchJson() {
    }

    /** The document of the events and the condition ({@code null} for none). */
    static String of(List<DcbEvent> events, DcbAppendCondition condition) {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode rows = batch.putArray("events");
        Base64.Encoder base64 = Base64.getEncoder();
        for (DcbEvent event : events) {
            ObjectNode row = rows.addObject();
            row.put("type", event.type());
            row.put("data", base64.encodeToString(event.data()));
            sorted(row.putArray("tags"), event.tags());
            row.put("id", event.id().toString());
            row.put("metadata", DcbRows.metadataText(event));
        }
        if (condition == null) {
            batch.putNull("condition");
        } else {
            ObjectNode check = batch.putObject("condition");
            check.put("after", condition.after());
            ArrayNode items = check.putArray("items");
            for (DcbQueryItem item : condition.failIfEventsMatch().items()) {
                ObjectNode node = items.addObject();
                sorted(node.putArray("types"), item.types());
                sorted(node.putArray("tags"), item.tags());
            }
        }
        return batch.toString();
    }

    private static void sorted(ArrayNode array, Collection<String> names) {
        names.stream().sorted().forEach(array::add);
    }
}
