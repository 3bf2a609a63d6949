package dev.eventsourcing.dcb.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.courses.CourseDecision;
import dev.eventsourcing.dcb.courses.CourseDecision.CourseRegistered;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.PersonalData;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.DecryptionException;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.MapperException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DcbMapperTest {

    private static final TaggedDecision REGISTERED = TaggedDecision.of(new CourseRegistered("course:1", "Algebra", 10), "course:1");

    @Test
    void aDecisionIsStoredAsJsonUnderItsTopicWithItsTagsAndReadBack() {
        DcbMapper mapper = new DcbMapper(Mapper.create());
        UUID id = UUID.randomUUID();
        DcbEvent event = mapper.toDcbEvent(REGISTERED, id, Map.of("correlation", "c-1"));
        assertEquals("courses.CourseRegistered", event.type());
        assertEquals(Set.of("course:1"), event.tags());
        String json = new String(event.data(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"d\":{\"courseId\":\"course:1\",\"title\":\"Algebra\",\"capacity\":10}"), json);

        SequencedDecision read = mapper.toDecision(new DcbSequencedEvent(event, 7));
        assertEquals(REGISTERED, read.tagged());
        assertEquals(7, read.position());
        assertEquals(id, read.id());
        assertEquals(Map.of("correlation", "c-1"), read.metadata());
    }

    @Test
    void encryptedDataIsBoundToItsEventIdAndDoesNotReadUnderAnother() {
        DcbMapper mapper = new DcbMapper(Mapper.builder(Settings.of(Map.of(Settings.CIPHER_KEY, AesGcmCipher.generateKey())))
                .applicationName("Courses").build());
        DcbEvent event = mapper.toDcbEvent(REGISTERED);
        DcbEvent moved = new DcbEvent(event.type(), event.data(), event.tags(), UUID.randomUUID(), event.metadata());
        assertEquals(REGISTERED, mapper.toDecision(new DcbSequencedEvent(event, 1)).tagged());
        assertThrows(DecryptionException.class, () -> mapper.toDecision(new DcbSequencedEvent(moved, 1)));
    }

    @Test
    void aSelectorsTypesBecomeEveryTopicTheyAreStoredUnder() {
        DcbMapper mapper = new DcbMapper(Mapper.builder().topic("old.CourseRegistered", CourseRegistered.class).build());
        assertEquals(new DcbQueryItem(Set.of("courses.CourseRegistered", "old.CourseRegistered",
                CourseRegistered.class.getName()), Set.of("course:1")),
                mapper.toQueryItem(Selector.of(Set.of(CourseRegistered.class), Set.of("course:1"))));
        assertEquals(Set.of("courses.CourseRegistered", "old.CourseRegistered", CourseRegistered.class.getName(),
                        "courses.CapacityChanged", CourseDecision.CapacityChanged.class.getName(),
                        "courses.StudentRegistered", CourseDecision.StudentRegistered.class.getName(),
                        "courses.StudentJoinedCourse", StudentJoinedCourse.class.getName()),
                mapper.toQueryItem(Selector.types(CourseDecision.class)).types());
        assertEquals(DcbQueryItem.tags("course:1"), mapper.toQueryItem(Selector.tags("course:1")));
    }

    @Test
    void aStoredTypeNamingAClassThatIsNoDecisionIsRefused() {
        Mapper plain = Mapper.builder().declare(NotADecision.class).build();
        DcbEvent event = new DcbEvent(NotADecision.class.getName(), plain.toStoredEvent(new DomainEvent<>(
                UUID.randomUUID(), 0, Instant.now(), new NotADecision(1))).state(), Set.of(), UUID.randomUUID(), Map.of());
        MapperException e = assertThrows(MapperException.class,
                () -> new DcbMapper(plain).toDecision(new DcbSequencedEvent(event, 3)));
        assertTrue(e.getMessage().contains("which is not a Decision"), e.getMessage());
    }

    @Test
    void personalDataWithoutANamedSubjectIsRefused() {
        MapperException e = assertThrows(MapperException.class,
                () -> new DcbMapper(Mapper.create()).toDcbEvent(TaggedDecision.of(new Anonymous("Ada"))));
        assertTrue(e.getMessage().contains("must name its subject"), e.getMessage());
    }

    record NotADecision(int x) {
    }

    @PersonalData
    record Anonymous(String name) implements Decision {
    }
}
