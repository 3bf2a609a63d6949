package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.domain.EnduringObject;
import dev.eventsourcing.dcb.domain.Group;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.Perspectives;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.TaggedDecision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads perspectives from a DCB recorder and saves the decisions they trigger.
 *
 * <ul>
 * <li>{@link #get} rebuilds an enduring object from the decisions tagged with its id;
 *     {@link #getMany} rebuilds several in one read, each decision going to the objects whose ids
 *     it carries; {@link #getGroup} makes a group of such objects.</li>
 * <li>{@link #advance} brings any perspective up to date, reading only the decisions in its
 *     boundary after its last known position.</li>
 * <li>{@link #save} appends the pending decisions of perspectives, all or none, on the condition
 *     that no decision in their boundaries was stored after their last known position: a
 *     {@link dev.eventsourcing.dcb.DcbConditionFailedException} otherwise, the expected outcome of
 *     a race, after which the command is to be run again on perspectives read again.</li>
 * </ul>
 * Thread-safe; the perspectives it hands out are not.
 */
public final class DcbRepository {

    private final DcbRecorder recorder;
    private final DcbMapper mapper;
    private final AppendListener appended;

    /**
     * A repository over a recorder.
     *
     * @param recorder where decisions are stored
     * @param mapper   turns decisions into stored events and back
     */
    public DcbRepository(DcbRecorder recorder, DcbMapper mapper) {
        this(recorder, mapper, (decisions, nanos, position) -> { });
    }

    DcbRepository(DcbRecorder recorder, DcbMapper mapper, AppendListener appended) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.appended = appended;
    }

    /**
     * Rebuilds an enduring object from the decisions tagged with its id.
     *
     * @param id   the object's id
     * @param type the object's class; its nested decision classes become known to the mapper
     * @param <E>  the object's type
     * @return the object, up to date with the store at the time of the read
     * @throws EnduringObjectNotFoundException when no decision carries the id
     */
    public <E extends EnduringObject> E get(String id, Class<E> type) {
        return getMany(type, id).get(0);
    }

    /**
     * Rebuilds several enduring objects of one class in one read.
     *
     * @param type the objects' class
     * @param ids  their ids, none repeated
     * @param <E>  the objects' type
     * @return the objects, in the order of the ids, all up to date with the store at the time of the read
     * @throws EnduringObjectNotFoundException when no decision carries one of the ids (the first such)
     */
    public <E extends EnduringObject> List<E> getMany(Class<E> type, String... ids) {
        List<Class<? extends E>> types = Collections.nCopies(ids.length, type);
        return read(types, Arrays.asList(ids));
    }

    /**
     * Reads the members of a group in one read and makes the group through its constructor, which
     * takes one enduring object per id, in the order of the ids.
     *
     * @param type the group's class; it needs one constructor whose parameters are all enduring
     *             object classes, as many as the ids
     * @param ids  the members' ids
     * @param <G>  the group's type
     * @return the group, up to date with the store at the time of the read
     * @throws EnduringObjectNotFoundException when no decision carries one of the ids (the first such)
     * @throws IllegalArgumentException        when the class has no such constructor
     */
    public <G extends Group> G getGroup(Class<G> type, String... ids) {
        GroupConstructor<G> constructor = GroupConstructor.of(type, ids.length);
        List<EnduringObject> members = read(constructor.memberTypes(), Arrays.asList(ids));
        return constructor.make(members);
    }

    private <E extends EnduringObject> List<E> read(List<Class<? extends E>> types, List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Give the id of at least one enduring object");
        }
        if (Set.copyOf(ids).size() != ids.size()) {
            throw new IllegalArgumentException("The ids " + ids + " repeat one another");
        }
        Map<String, E> objects = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            mapper.declareNested(types.get(i));
            objects.put(ids.get(i), Perspectives.newInstance(types.get(i), ids.get(i)));
        }
        List<Selector> boundary = ids.stream().map(Selector::tags).toList();
        DcbReadResponse response = recorder.read(mapper.toQuery(boundary), 0);
        Set<String> found = new HashSet<>();
        for (DcbSequencedEvent event : response.events()) {
            TaggedDecision decision = mapper.toDecision(event).tagged();
            for (String tag : decision.tags()) {
                E object = objects.get(tag);
                if (object != null) {
                    Perspectives.fold(object, decision, event.position());
                    found.add(tag);
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                throw new EnduringObjectNotFoundException(ids.get(i), types.get(i));
            }
        }
        objects.values().forEach(object -> Perspectives.advancedTo(object, response.after()));
        return new ArrayList<>(objects.values());
    }

    /**
     * Brings a perspective up to date: folds in the decisions in its boundary stored after its last
     * known position, and moves that position to the head of the read.
     *
     * @param perspective the perspective, with no decisions waiting to be saved
     * @param <P>         its type
     * @return the same perspective
     * @throws IllegalStateException when it has decisions that were not saved
     */
    public <P extends Perspective> P advance(P perspective) {
        if (perspective.hasPendingDecisions()) {
            // Its new decisions were made on what it read so far: reading further and then saving
            // them with the later position as the condition would let them pass unchecked.
            throw new IllegalStateException(perspective + " has decisions that were not saved, made on what it read up"
                    + " to position " + perspective.lastKnownPosition() + ": save them first, or read it anew");
        }
        mapper.declareNested(perspective.getClass());
        DcbReadResponse response = recorder.read(mapper.toQuery(perspective.consistencyBoundary()),
                perspective.lastKnownPosition());
        for (DcbSequencedEvent event : response.events()) {
            Perspectives.fold(perspective, mapper.toDecision(event).tagged(), event.position());
        }
        Perspectives.advancedTo(perspective, response.after());
        return perspective;
    }

    /**
     * Appends the pending decisions of the perspectives, in the order they were triggered, all or
     * none, on the condition that no decision in the union of their boundaries was stored after the
     * lowest of their last known positions. Afterwards each perspective is up to date with the
     * appended position, unless another one's decision fell into its boundary (it was not applied to
     * it; read it again before using it for another decision). Without pending decisions nothing is
     * appended.
     *
     * @param perspectives the perspectives, with the decisions they triggered
     * @return the position of the last decision appended; without pending decisions, the highest
     *         last known position of the perspectives (0 when they have read nothing)
     * @throws dev.eventsourcing.dcb.DcbConditionFailedException when a decision in the boundaries
     *         was stored after the position; nothing is stored, and the pending decisions are gone
     */
    public long save(Perspective... perspectives) {
        List<Perspective> saved = List.of(perspectives);
        Map<Perspective, Set<TaggedDecision>> own = new IdentityHashMap<>();
        List<TaggedDecision> decisions = Perspectives.collect(saved, (perspective, decision) -> own
                .computeIfAbsent(perspective, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(decision));
        if (decisions.isEmpty()) {
            return saved.stream().mapToLong(Perspective::lastKnownPosition).max().orElse(0);
        }
        List<Selector> boundary = union(saved);
        long after = saved.stream().mapToLong(Perspective::lastKnownPosition).min().orElse(0);
        List<DcbEvent> events = decisions.stream().map(mapper::toDcbEvent).toList();
        long began = System.nanoTime();
        long position = recorder.append(events, new DcbAppendCondition(mapper.toQuery(boundary), after));
        long nanos = System.nanoTime() - began;
        for (Perspective perspective : saved) {
            Set<TaggedDecision> mine = own.getOrDefault(perspective, Set.of());
            boolean missed = decisions.stream().filter(decision -> !mine.contains(decision))
                    .anyMatch(decision -> perspective.consistencyBoundary().stream().anyMatch(s -> s.matches(decision)));
            if (!missed) {
                Perspectives.advancedTo(perspective, position);
            }
        }
        appended.appended(events.size(), nanos, position);
        return position;
    }

    // An empty boundary selects every decision, so a union with one is every decision too.
    private static List<Selector> union(List<Perspective> perspectives) {
        List<Selector> union = new ArrayList<>();
        for (Perspective perspective : perspectives) {
            List<Selector> boundary = perspective.consistencyBoundary();
            if (boundary.isEmpty()) {
                return List.of();
            }
            union.addAll(boundary);
        }
        return union;
    }

    /** @return the recorder this repository reads and appends to */
    public DcbRecorder recorder() {
        return recorder;
    }

    /** @return the mapper this repository maps decisions with */
    public DcbMapper mapper() {
        return mapper;
    }

    /** Told of each append: how many decisions, how long it took, and the last one's position. */
    @FunctionalInterface
    interface AppendListener {
        void appended(int decisions, long nanos, long position);
    }
}
