package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.Enrolment;
import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import dev.eventsourcing.persistence.Mapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's own checks, on the in-memory recorder: what it does with the store on every
 * backend is in {@link DcbRepositoryTestCase} and {@link DcbGroupTestCase}.
 */
class DcbRepositoryTest {

    private final InMemoryDcbRecorder recorder = new InMemoryDcbRecorder();
    private final DcbRepository repository = new DcbRepository(recorder, new DcbMapper(Mapper.create()));

    @Test
    void savingNothingAppendsNothingAndGivesTheLastKnownPosition() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        assertEquals(1, repository.save(course));
        assertEquals(0, repository.save());
        assertEquals(1, recorder.head().getAsLong());
    }

    @Test
    void aPerspectiveWithDecisionsNotYetSavedIsNotAdvancedPastWhatTheyWereDecidedOn() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        Course copy = repository.get(course.id(), Course.class);
        course.changeCapacity(12);
        repository.save(course);
        copy.changeCapacity(8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> repository.advance(copy));
        assertEquals("Course[id=" + course.id() + ", lastKnownPosition=1] has decisions that were not saved, made on"
                + " what it read up to position 1: save them first, or read it anew", e.getMessage());
        assertThrows(DcbConditionFailedException.class, () -> repository.save(copy));
    }

    @Test
    void aGroupNeedsAConstructorTakingOneObjectPerId() {
        Course course = Course.register("Algebra", 1);
        repository.save(course);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> repository.getGroup(Enrolment.class, course.id()));
        assertTrue(e.getMessage().contains("needs exactly one constructor taking 1 enduring objects"), e.getMessage());
    }
}
