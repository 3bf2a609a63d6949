package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.PersonalData;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.MapperException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.UnknownTopicException;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns decisions into DCB events and back, and selectors into queries, with the application's
 * {@link Mapper}: a decision's state is written exactly as a stored event's (JSON by the
 * transcoder, then compressed and encrypted as the mapper is configured), and its type is its topic.
 *
 * <p>The layout: a decision is mapped as the {@link Mapper} maps a {@link DomainEvent} whose
 * originator id is the DCB event's id, whose originator version is {@value #ORIGINATOR_VERSION} and
 * whose payload is the decision; the stored event's topic becomes the DCB event's type and its state
 * the DCB event's data. So encryption is bound to the event's id, type and application (see
 * {@link dev.eventsourcing.persistence.CipherContext}), and a reader that holds a DCB event can read it
 * with {@link #toStoredEvent(DcbEvent)} and any mapper that knows the decision's class. Reading
 * fails with the mapper's errors ({@link dev.eventsourcing.persistence.UnknownTopicException} for a
 * type naming no known class, never looking a class up by name). A decision that is
 * {@link PersonalData} must name its subject ({@code @PersonalData(subject = "studentId")}): it
 * has no originator to be the subject. Thread-safe.
 */
public final class DcbMapper {

    /** The originator version under which decisions are mapped: they have no version of their own. */
    public static final long ORIGINATOR_VERSION = 0;

    private static final ClassValue<Class<?>[]> NESTED_DECISIONS = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            Set<Class<?>> found = new LinkedHashSet<>();
            for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
                collectNested(level, found);
            }
            return found.toArray(Class<?>[]::new);
        }
    };

    private final Mapper mapper;

    /**
     * A DCB mapper over a mapper.
     *
     * @param mapper the mapper that encodes, compresses and encrypts states; not null
     */
    public DcbMapper(Mapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** @return the mapper underneath, with its transcoder, compressor, cipher and known classes */
    public Mapper mapper() {
        return mapper;
    }

    /**
     * Makes decision classes known, so that their stored types read as them; a sealed interface
     * brings the classes it permits.
     *
     * @param types decision classes or sealed decision interfaces
     */
    public void declare(Class<?>... types) {
        mapper.declare(types);
    }

    /**
     * Makes known the decision classes nested (at any depth) in a perspective class or its
     * superclasses, with the classes sealed ones permit: so that an enduring object or slice that
     * declares its decisions inside itself reads them without further declaration.
     *
     * @param perspective a perspective class
     */
    public void declareNested(Class<?> perspective) {
        mapper.declare(NESTED_DECISIONS.get(perspective));
    }

    /**
     * Turns a decision into a DCB event with a new random id and no metadata.
     *
     * @param decision the decision with its tags
     * @return the event to append
     * @throws MapperException when the decision cannot be encoded
     */
    public DcbEvent toDcbEvent(TaggedDecision decision) {
        return toDcbEvent(decision, UUID.randomUUID(), Map.of());
    }

    /**
     * Turns a decision into a DCB event.
     *
     * @param decision the decision with its tags
     * @param id       the event's id
     * @param metadata strings to store with it
     * @return the event to append
     * @throws MapperException when the decision cannot be encoded
     */
    public DcbEvent toDcbEvent(TaggedDecision decision, UUID id, Map<String, String> metadata) {
        Decision payload = decision.decision();
        PersonalData personal = payload.getClass().getAnnotation(PersonalData.class);
        if (personal != null && personal.subject().isEmpty()) {
            throw new MapperException("Cannot write decision " + payload.getClass().getName() + ": a decision that is"
                    + " personal data must name its subject, e.g. @PersonalData(subject = \"studentId\")");
        }
        StoredEvent stored = mapper.toStoredEvent(new DomainEvent<>(id, ORIGINATOR_VERSION, Instant.now(), payload));
        return new DcbEvent(stored.topic(), stored.state(), decision.tags(), id, metadata);
    }

    /**
     * The stored event a DCB event's data was written as (see the layout above).
     *
     * @param event a DCB event
     * @return the stored event the {@link Mapper} reads
     */
    public static StoredEvent toStoredEvent(DcbEvent event) {
        return new StoredEvent(event.id(), ORIGINATOR_VERSION, event.type(), event.data());
    }

    /**
     * Reads a stored decision back.
     *
     * @param sequenced a DCB event with its position
     * @return the decision with its tags, position, id, time and metadata
     * @throws MapperException when the type names no known class or a class that is not a
     *                         decision, or the data cannot be decrypted, decompressed or decoded
     */
    public SequencedDecision toDecision(DcbSequencedEvent sequenced) {
        DcbEvent event = sequenced.event();
        DomainEvent<?> read;
        try {
            read = mapper.toDomainEvent(toStoredEvent(event));
        } catch (UnknownTopicException e) {
            throw new UnknownTopicException(e.topic(), "Cannot read the decision at position " + sequenced.position()
                    + ": its type '" + e.topic() + "' names no decision class this application knows, and classes are"
                    + " never looked up by name. Declare the class in the application's domainClasses() (a sealed"
                    + " interface brings the classes it permits) or nest it in the perspective that reads it; if it was"
                    + " renamed or moved, register the old topic in configureMapper", e);
        }
        if (!(read.payload() instanceof Decision decision)) {
            throw new MapperException("Cannot read the event at position " + sequenced.position() + ": its type '"
                    + event.type() + "' names " + read.payload().getClass().getName() + ", which is not a Decision");
        }
        return new SequencedDecision(decision, event.tags(), sequenced.position(), event.id(), read.timestamp(),
                event.metadata());
    }

    /**
     * The query that selects what a boundary selects.
     *
     * @param boundary selectors, alternatives to one another; empty for every event
     * @return the query
     */
    public DcbQuery toQuery(List<Selector> boundary) {
        return new DcbQuery(boundary.stream().map(this::toQueryItem).toList());
    }

    /**
     * The query item that selects what a selector selects: its types become every topic they are
     * stored under (a sealed interface's permitted classes', old topics included), and the classes
     * become known to the mapper.
     *
     * @param selector the selector
     * @return the query item
     */
    public DcbQueryItem toQueryItem(Selector selector) {
        Set<String> topics = new LinkedHashSet<>();
        selector.types().forEach(type -> addTopics(type, topics));
        if (topics.isEmpty() && !selector.types().isEmpty()) {
            // An item without types selects every type: never let types that stand for no class become that.
            throw new IllegalArgumentException("The types of selector " + selector + " stand for no concrete class");
        }
        return new DcbQueryItem(topics, selector.tags());
    }

    private void addTopics(Class<?> type, Set<String> topics) {
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            topics.addAll(mapper.topicsOf(type));
        }
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                addTopics(permitted, topics);
            }
        }
    }

    private static void collectNested(Class<?> type, Set<Class<?>> found) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Decision.class.isAssignableFrom(nested)) {
                found.add(nested);
            }
            collectNested(nested, found);
        }
    }

    @Override
    public String toString() {
        return "DcbMapper[" + mapper + "]";
    }
}
