package dev.eventsourcing.persistence;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Names classes by topics and finds classes by topics: how a stored event says which class its
 * state belongs to.
 *
 * <p>A class's topic is its binary name, e.g. {@code com.example.Account$Deposited}, so that an
 * operator can read it in the database. When a class is renamed or moved, its old events keep
 * their old topic: {@link #register register} the old topic for the class so that they still
 * read. Events written afterwards get the new topic.
 *
 * <p>Topics that are not registered are loaded by name with the registry's class loader, or if
 * none was given with the thread's context class loader (an application server's deployment
 * loader) and then the loader of this library. Found classes are remembered.
 *
 * <p>Thread-safe.
 */
public final class TopicRegistry {

    // Asking a class whether it is anonymous or local is slow (it reads its enclosing method).
    private static final ClassValue<Boolean> HAS_STABLE_NAME = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !(type.isAnonymousClass() || type.isLocalClass() || type.isHidden() || type.isSynthetic());
        }
    };

    private final ClassLoader classLoader;
    private final ConcurrentMap<String, Class<?>> registered;
    private final ConcurrentMap<String, Class<?>> loaded = new ConcurrentHashMap<>();

    /** A registry that loads classes as described above. */
    public TopicRegistry() {
        this((ClassLoader) null);
    }

    /** A registry that loads unregistered topics with the given class loader. */
    public TopicRegistry(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.registered = new ConcurrentHashMap<>();
    }

    private TopicRegistry(TopicRegistry original) {
        this.classLoader = original.classLoader;
        this.registered = new ConcurrentHashMap<>(original.registered);
    }

    /**
     * Makes {@code oldTopic} read as {@code type}, e.g. the topic of a class before it was
     * renamed or moved.
     *
     * @return this registry
     * @throws IllegalArgumentException when the topic is registered already for another class
     */
    public TopicRegistry register(String oldTopic, Class<?> type) {
        Objects.requireNonNull(oldTopic, "oldTopic");
        Objects.requireNonNull(type, "type");
        if (oldTopic.isBlank()) {
            throw new IllegalArgumentException("Topic must not be blank");
        }
        Class<?> previous = registered.putIfAbsent(oldTopic, type);
        if (previous != null && previous != type) {
            throw new IllegalArgumentException("Topic '" + oldTopic + "' is registered already for " + previous.getName()
                    + ", cannot register it for " + type.getName());
        }
        return this;
    }

    /**
     * The topic that names {@code type} in stored events.
     *
     * @throws MapperException when the class has no stable name (anonymous, local or hidden
     *                         classes), or when its name is registered as the old topic of
     *                         another class, so that its events would read as that class
     */
    public String topicOf(Class<?> type) {
        Objects.requireNonNull(type, "type");
        if (!HAS_STABLE_NAME.get(type)) {
            throw new MapperException("Class " + type.getName() + " has no stable name to use as a topic:"
                    + " make it a top-level or nested class");
        }
        String topic = type.getName();
        Class<?> registeredType = registered.get(topic);
        if (registeredType != null && registeredType != type) {
            throw new MapperException("Topic '" + topic + "' of " + type.getName() + " is registered as the old topic of "
                    + registeredType.getName() + ": its events would read as that class");
        }
        return topic;
    }

    /**
     * The class a topic names.
     *
     * @throws UnknownTopicException when the topic is not registered and names no loadable class
     */
    public Class<?> resolve(String topic) {
        Objects.requireNonNull(topic, "topic");
        Class<?> type = registered.get(topic);
        if (type != null) {
            return type;
        }
        type = loaded.get(topic);
        if (type != null) {
            return type;
        }
        type = load(topic);
        loaded.putIfAbsent(topic, type);
        return type;
    }

    private Class<?> load(String topic) {
        ClassLoader loader = classLoader;
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        try {
            return Class.forName(topic, false, loader != null ? loader : TopicRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            if (classLoader == null && loader != TopicRegistry.class.getClassLoader()) {
                try {
                    return Class.forName(topic, false, TopicRegistry.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError ignored) {
                    // Report the first failure: it names the loader the user expects.
                }
            }
            throw unknown(topic, e);
        } catch (LinkageError e) {
            throw unknown(topic, e);
        }
    }

    private static UnknownTopicException unknown(String topic, Throwable cause) {
        return new UnknownTopicException(topic, "Unknown topic '" + topic + "': no class of that name can be loaded"
                + " and none is registered for it; if the class was renamed or moved, register the old topic"
                + " with TopicRegistry.register", cause);
    }

    /** A registry with the same registrations, independent of this one from now on. */
    TopicRegistry copy() {
        return new TopicRegistry(this);
    }
}
