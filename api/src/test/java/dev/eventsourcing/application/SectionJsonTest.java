package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectionJsonTest {

    private static final UUID ID = UUID.fromString("5c9b8b3e-1111-4a5e-9d5f-2f6f0d6f7a10");

    @Test
    void aSectionIsWrittenInTheWireFormat() {
        Section section = new Section(List.of(new Notification(1, ID, 1, "t", "{}".getBytes(StandardCharsets.UTF_8))), 2L);
        assertEquals("{\"items\":[{\"id\":1,\"originator_id\":\"" + ID + "\",\"originator_version\":1,"
                + "\"topic\":\"t\",\"state\":\"e30=\"}],\"next\":2}", SectionJson.write(section));
        assertEquals("{\"items\":[],\"next\":null}", SectionJson.write(new Section(List.of(), null)));
    }

    @Test
    void aWrittenSectionReadsBack() {
        byte[] state = {0, 1, 2, (byte) 255};
        Section section = new Section(List.of(new Notification(7, ID, 3, "a.B$C", state),
                new Notification(9, ID, 4, "a.B$D", new byte[0])), null);
        Section read = SectionJson.read(SectionJson.write(section));
        assertEquals(section, read);
        assertArrayEquals(state, read.items().get(0).state());
        assertNull(SectionJson.read("{\"items\":[]}").next());
    }

    @Test
    void aShreddedItemIsFlaggedWithAnEmptyStateAndReadsBackShredded() {
        Notification shredded = new Notification(5, ID, 1, "a.B$Opened", "{}".getBytes(StandardCharsets.UTF_8)).asShredded();
        String json = SectionJson.write(new Section(List.of(shredded), null));

        assertEquals("{\"items\":[{\"id\":5,\"originator_id\":\"" + ID + "\",\"originator_version\":1,"
                + "\"topic\":\"a.B$Opened\",\"state\":\"\",\"shredded\":true}],\"next\":null}", json);
        Notification read = SectionJson.read(json).items().get(0);
        assertTrue(read.shredded());
        assertEquals(0, read.state().length);
        assertEquals(shredded, read);
    }

    @Test
    void itemsWithoutTheShreddedFieldAreReadAsNotShredded() {
        Notification read = SectionJson.read("{\"items\":[" + item(1) + "]}").items().get(0);

        assertFalse(read.shredded());
        assertFalse(SectionJson.write(new Section(List.of(read), null)).contains("shredded"));
    }

    @Test
    void aShreddedFlagThatIsNoBooleanIsRefused() {
        String item = "{\"id\":1,\"originator_id\":\"" + ID + "\",\"originator_version\":1,\"topic\":\"t\","
                + "\"state\":\"\",\"shredded\":\"yes\"}";
        WireFormatException error = assertThrows(WireFormatException.class,
                () -> SectionJson.read("{\"items\":[" + item + "]}"));
        assertTrue(error.getMessage().endsWith("'shredded' must be true or false"), error.getMessage());
    }

    @Test
    void textThatIsNoSectionIsRefusedWithTheReason() {
        assertThrows(WireFormatException.class, () -> SectionJson.read("not json"));
        assertThrows(WireFormatException.class, () -> SectionJson.read("[]"));
        assertThrows(WireFormatException.class, () -> SectionJson.read("{\"items\":[{\"id\":1}]}"));
        assertThrows(WireFormatException.class, () -> SectionJson.read("{\"items\":[],\"next\":\"x\"}"));
        String descending = "{\"items\":[" + item(2) + "," + item(1) + "]}";
        WireFormatException error = assertThrows(WireFormatException.class, () -> SectionJson.read(descending));
        assertEquals("Section items must ascend by id: 1 after 2", error.getMessage());
    }

    private static String item(long id) {
        return "{\"id\":" + id + ",\"originator_id\":\"" + ID + "\",\"originator_version\":1,\"topic\":\"t\",\"state\":\"\"}";
    }
}
