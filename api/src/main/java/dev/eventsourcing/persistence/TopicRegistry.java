package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Topic;

import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Names classes by topics and finds classes by topics: how a stored event says which class its
 * state belongs to.
 *
 * <p>A class's topic is the value of its {@link Topic @Topic} annotation, or else its binary
 * name, e.g. {@code com.example.Account$Deposited}, so that an operator can read it in the
 * database.
 *
 * <p>A topic reads only as a class that was made known to the registry, never as a class looked
 * up by name: whoever can write the events table or serve a followed log chooses topics, and must
 * not choose which class is instantiated. Classes become known when they are
 * {@linkplain #declare declared} (an aggregate class brings its event classes, a sealed type its
 * permitted subclasses), when the mapper writes them, and when an old topic is
 * {@linkplain #register registered} for them, e.g. the topic of a class before it was renamed or
 * moved. Any other topic is an {@link UnknownTopicException}. A class known under its
 * {@code @Topic} also reads under its binary name, so that events stored before the annotation
 * was added still read.
 *
 * <p>Two classes never share a topic: declaring or registering a second one is refused. Known
 * classes are never forgotten. Thread-safe.
 */
public final class TopicRegistry {

    private static final int TOPIC_SHOWN = 200;

    // Asking a class whether it is anonymous or local is slow (it reads its enclosing method).
    private static final ClassValue<Boolean> HAS_STABLE_NAME = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !(type.isAnonymousClass() || type.isLocalClass() || type.isHidden() || type.isSynthetic());
        }
    };

    private static final ClassValue<String> DECLARED_TOPIC = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Topic topic = type.getAnnotation(Topic.class);
            return topic == null ? type.getName() : topic.value();
        }
    };

    // The topics that read as a class: declared, written or registered ones.
    private final ConcurrentMap<String, Class<?>> classes;
    // The binary names of classes known under a @Topic: read only when no topic of that name is known.
    private final ConcurrentMap<String, Class<?>> binaryNames;
    private final Set<Class<?>> declared;

    /** An empty registry: it knows no class yet. */
    public TopicRegistry() {
        this.classes = new ConcurrentHashMap<>();
        this.binaryNames = new ConcurrentHashMap<>();
        this.declared = ConcurrentHashMap.newKeySet();
    }

    private TopicRegistry(TopicRegistry original) {
        this.classes = new ConcurrentHashMap<>(original.classes);
        this.binaryNames = new ConcurrentHashMap<>(original.binaryNames);
        this.declared = ConcurrentHashMap.newKeySet();
        this.declared.addAll(original.declared);
    }

    /**
     * Makes classes known under their topics, with what they bring: an aggregate class its event
     * classes (see {@link EventTypes#of}), and a sealed class or interface its permitted
     * subclasses. Abstract classes and interfaces are not known themselves. Declaring a class
     * again changes nothing.
     *
     * @param types the classes to make known; none null
     * @return this registry
     * @throws IllegalArgumentException when a class has no stable name or a blank {@code @Topic},
     *         or when its topic names another known class already
     */
    public TopicRegistry declare(Class<?>... types) {
        for (Class<?> type : types) {
            declareOne(Objects.requireNonNull(type, "type"));
        }
        return this;
    }

    /**
     * Makes classes known, as {@link #declare(Class[])} does.
     *
     * @param types the classes to make known; none null
     * @return this registry
     * @throws IllegalArgumentException when a class has no stable name or a blank {@code @Topic},
     *         or when its topic names another known class already
     */
    public TopicRegistry declare(Iterable<? extends Class<?>> types) {
        Objects.requireNonNull(types, "types").forEach(this::declareOne);
        return this;
    }

    private void declareOne(Class<?> type) {
        if (declared.contains(type)) {
            return;
        }
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            String topic = checkedTopic(type, IllegalArgumentException::new);
            put(topic, type);
            if (!topic.equals(type.getName())) {
                binaryNames.putIfAbsent(type.getName(), type);
            }
        }
        declared.add(type);
        for (Class<?> brought : brought(type)) {
            declareOne(brought);
        }
    }

    private static Set<Class<?>> brought(Class<?> type) {
        Set<Class<?>> brought = new LinkedHashSet<>();
        if (Aggregate.class.isAssignableFrom(type)) {
            brought.addAll(EventTypes.of(type.asSubclass(Aggregate.class)));
        }
        if (type.isSealed()) {
            brought.addAll(Set.of(type.getPermittedSubclasses()));
        }
        return brought;
    }

    /**
     * Makes {@code oldTopic} read as {@code type}, e.g. the topic of a class before it was
     * renamed or moved; the class is {@linkplain #declare declared} too.
     *
     * @param oldTopic the topic to read as the class; not blank
     * @param type     the class it reads as
     * @return this registry
     * @throws IllegalArgumentException when the topic is blank, or names another class already
     */
    public TopicRegistry register(String oldTopic, Class<?> type) {
        Objects.requireNonNull(oldTopic, "oldTopic");
        Objects.requireNonNull(type, "type");
        if (oldTopic.isBlank()) {
            throw new IllegalArgumentException("Topic must not be blank");
        }
        put(oldTopic, type);
        declareOne(type);
        return this;
    }

    private void put(String topic, Class<?> type) {
        Class<?> previous = classes.putIfAbsent(topic, type);
        if (previous != null && previous != type) {
            throw new IllegalArgumentException("Topic '" + topic + "' names " + previous.getName()
                    + " already, so it cannot name " + type.getName() + " too; give one of them a @Topic of its own,"
                    + " or register an old topic for one class only");
        }
    }

    /**
     * The topic that names {@code type} in stored events: its {@link Topic @Topic}, or else its
     * binary name.
     *
     * @param type the class; not null
     * @return the class's topic
     * @throws MapperException when the class has no stable name (anonymous, local or hidden
     *                         classes) or a blank {@code @Topic}, or when its topic names
     *                         another known class, so that its events would read as that class
     */
    public String topicOf(Class<?> type) {
        Objects.requireNonNull(type, "type");
        String topic = checkedTopic(type, MapperException::new);
        Class<?> known = classes.get(topic);
        if (known != null && known != type) {
            throw new MapperException("Topic '" + topic + "' of " + type.getName() + " names " + known.getName()
                    + " already (declared, or registered as its old topic): its events would read as that class");
        }
        return topic;
    }

    /**
     * The topic of a class that its mapper has just encoded: the class is known from now on, as
     * an object the JVM constructed is trusted.
     */
    String written(Class<?> type) {
        String topic = topicOf(type);
        if (!declared.contains(type)) {
            declareOne(type);
        }
        return topic;
    }

    private static String checkedTopic(Class<?> type, Function<String, RuntimeException> error) {
        if (!HAS_STABLE_NAME.get(type)) {
            throw error.apply("Class " + type.getName() + " has no stable name to use as a topic:"
                    + " make it a top-level or nested class");
        }
        String topic = DECLARED_TOPIC.get(type);
        if (topic.isBlank()) {
            throw error.apply("Class " + type.getName() + " has a blank @Topic; give it a topic, e.g. @Topic(\"bank."
                    + type.getSimpleName() + "\")");
        }
        return topic;
    }

    /**
     * The class a topic names: a known class, never one looked up by name.
     *
     * @param topic a stored event's topic; not null
     * @return the known class it names
     * @throws UnknownTopicException when no known class has that topic
     */
    public Class<?> resolve(String topic) {
        Objects.requireNonNull(topic, "topic");
        Class<?> type = classes.get(topic);
        if (type == null) {
            type = binaryNames.get(topic);
        }
        if (type == null) {
            throw new UnknownTopicException(topic, "Unknown topic '" + shown(topic) + "': no class known to this"
                    + " mapper has it, and classes are never looked up by name. Declare the class where its events"
                    + " are read: in the application's domainClasses() (an aggregate class brings its events), or"
                    + " with Mapper.Builder.declare on the mapper given for another deployment's log; if the class"
                    + " was renamed or moved, register the old topic with Mapper.Builder.topic(oldTopic, type)", null);
        }
        return type;
    }

    // Topics come from stored or remote input: keep what an error shows short and printable.
    private static String shown(String topic) {
        String shown = topic.length() > TOPIC_SHOWN ? topic.substring(0, TOPIC_SHOWN) + "…" : topic;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Every topic that reads as a class now: its own, the old topics registered for it, and its
     * binary name when it has a {@code @Topic} (and no other class has that name as a topic). A
     * query that selects stored events of a class by topic must name them all, or it misses
     * events stored before a rename.
     *
     * @param type a class; not null
     * @return the topics, empty when the class is not known
     */
    public Set<String> topicsOf(Class<?> type) {
        Objects.requireNonNull(type, "type");
        Set<String> topics = new LinkedHashSet<>();
        classes.forEach((topic, known) -> {
            if (known == type) {
                topics.add(topic);
            }
        });
        if (binaryNames.get(type.getName()) == type && !classes.containsKey(type.getName())) {
            topics.add(type.getName());
        }
        return Set.copyOf(topics);
    }

    /** @return a copy of the set of classes whose topics read as them now */
    public Set<Class<?>> knownClasses() {
        return Set.copyOf(classes.values());
    }

    /** A registry with the same known classes, independent of this one from now on. */
    TopicRegistry copy() {
        return new TopicRegistry(this);
    }
}
