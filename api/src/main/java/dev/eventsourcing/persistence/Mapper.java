package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;

/**
 * Turns domain events, and snapshots, into stored events and back.
 *
 * <p>Writing: the payload's class gives the stored event's topic (see {@link TopicRegistry});
 * the {@link Transcoder} encodes the state; then the optional {@link Compressor} compresses it
 * and the optional {@link Cipher} encrypts it, bound to the stored event (see
 * {@link CipherContext}: the mapper's {@linkplain #applicationName() application name}, the
 * originator id and version, and the topic). Reading reverses the steps, and
 * {@link Upcasters} bring data of an older class version up to date before it is bound to the
 * class. By default there is no compressor and no cipher.
 *
 * <p>The state, before compression and encryption, is one JSON object:
 * <pre>{@code
 * {"t":"2026-11-27T17:30:00.123456Z","v":2,"d":{"amount":10.00}}
 * }</pre>
 * <ul>
 * <li>{@code t}: the event's timestamp, ISO-8601 in UTC, to the nanosecond;</li>
 * <li>{@code v}: the payload class's {@link dev.eventsourcing.domain.ClassVersion}, present only
 *     when above 1 (absent means 1);</li>
 * <li>{@code d}: the payload's data: an event record's components, or for a snapshot the
 *     aggregate's fields (see {@link JacksonTranscoder}).</li>
 * </ul>
 * The originator id and version are not repeated in the state: the stored event holds them.
 *
 * <p>Errors name the event being written or the stored event being read (topic, originator id
 * and version) and are {@link MapperException}s: {@link UnknownTopicException},
 * {@link DecryptionException}, {@link MissingUpcasterException} or
 * {@link UndecodableStateException} when reading. Stored events are never changed.
 *
 * <p>Topics read only as the classes the mapper knows (see {@link TopicRegistry}): those
 * {@linkplain Builder#declare declared} when it was built or {@linkplain #declare later}, those
 * it has written, and those registered for old topics. A topic naming any other class is an
 * {@link UnknownTopicException}, whatever class of that name the JVM could load.
 *
 * <p>A mapper is thread-safe; the registries it was built with are copied. Its configuration
 * is immutable, and the classes it knows only grow.
 */
public final class Mapper {

    private final Transcoder transcoder;
    private final Compressor compressor;
    private final Cipher cipher;
    private final String applicationName;
    private final SubjectKeyRecorder subjectKeyRecorder;
    private final SubjectKeys subjectKeys;
    private final TopicRegistry topics;
    private final StateFormat format;

    private Mapper(Builder builder) {
        this.transcoder = builder.transcoder != null ? builder.transcoder : JacksonTranscoder.create();
        this.compressor = builder.compressor;
        this.cipher = builder.cipher;
        this.applicationName = builder.applicationName;
        this.subjectKeyRecorder = builder.subjectKeyRecorder;
        this.subjectKeys = subjectKeyRecorder == null ? null : new SubjectKeys(subjectKeyRecorder, cipher, applicationName);
        this.topics = builder.topics.copy();
        this.format = new StateFormat(transcoder, builder.upcasters.copy());
    }

    private Mapper(Mapper mapper, String applicationName) {
        this.transcoder = mapper.transcoder;
        this.compressor = mapper.compressor;
        this.cipher = mapper.cipher;
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
        this.subjectKeyRecorder = mapper.subjectKeyRecorder;
        this.subjectKeys = subjectKeyRecorder == null ? null : new SubjectKeys(subjectKeyRecorder, cipher, applicationName);
        this.topics = mapper.topics;
        this.format = mapper.format;
    }

    /** @return a new mapper with the default transcoder, no compressor and no cipher */
    public static Mapper create() {
        return builder().build();
    }

    /** @return a new builder of a mapper; without changes it builds what {@link #create()} does */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder set up from settings as applications configure their mappers: compression when
     * {@value Settings#COMPRESSOR} is {@code zlib}, AES-GCM encryption when
     * {@value Settings#CIPHER_KEY} or {@value Settings#CIPHER_KEYS} is set (see
     * {@link AesGcmCipher}), and decoding within the {@link DecodingLimits} the
     * {@code decoding.*} keys give. Pass settings {@linkplain Settings#scoped scoped} to
     * an application's name to read that application's keys first.
     *
     * @param settings the settings to read the compressor, cipher and decoding keys from
     * @return a new builder, to which more may be added
     * @throws ConfigurationException when a setting's value is not understood
     */
    public static Builder builder(Settings settings) {
        DecodingLimits limits = DecodingLimits.read(settings);
        Builder builder = builder().transcoder(JacksonTranscoder.builder().limits(limits).build());
        String compressor = settings.get(Settings.COMPRESSOR).map(String::trim).orElse("none");
        switch (compressor) {
            case "none" -> { }
            case "zlib" -> builder.compressor(new ZlibCompressor(Deflater.DEFAULT_COMPRESSION, limits.maxStateBytes()));
            default -> throw new ConfigurationException("Setting '" + Settings.COMPRESSOR
                    + "' must be 'zlib' or 'none', was '" + compressor + "'");
        }
        CipherSettings.cipher(settings).ifPresent(builder::cipher);
        return builder;
    }

    /**
     * Turns a domain event, or a snapshot, into a stored event.
     *
     * @param event the event or snapshot to store; not null
     * @return the stored event, with the payload's topic and the encoded (maybe compressed and
     *         encrypted) state; the payload's class is known to the mapper from now on
     * @throws MapperException     when the payload's class has no usable topic or cannot be
     *                              encoded
     * @throws ShreddedException    when the event is personal data of a subject whose key was
     *                              deleted
     * @throws NullPointerException when the event is null
     */
    public StoredEvent toStoredEvent(DomainEvent<?> event) {
        Objects.requireNonNull(event, "event");
        Class<?> type = event.payload().getClass();
        String topic;
        byte[] bytes;
        try {
            topic = topics.written(type);
            bytes = format.write(event);
            if (compressor != null) {
                bytes = compressor.compress(bytes);
            }
            CipherContext context = new CipherContext(applicationName, event.originatorId(),
                    event.originatorVersion(), topic);
            Optional<UUID> subject = PersonalDataSubjects.subjectOf(event);
            if (subject.isPresent()) {
                bytes = subjectKeys().encrypting(subject.get()).encrypt(bytes, context);
            } else if (cipher != null) {
                bytes = cipher.encrypt(bytes, context);
            }
        } catch (ShreddedException e) {
            throw new ShreddedException(e.subject(), "Cannot write event " + type.getName() + " of originator "
                    + event.originatorId() + " at version " + event.originatorVersion() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MapperException("Cannot write event " + type.getName() + " of originator " + event.originatorId()
                    + " at version " + event.originatorVersion() + ": " + e.getMessage(), e);
        }
        return new StoredEvent(event.originatorId(), event.originatorVersion(), topic, bytes);
    }

    /**
     * Turns a stored event back into the domain event, or snapshot, it was made from, upcast to
     * the current version of its class.
     *
     * @param stored the stored event; not null
     * @return the domain event or snapshot, in the current shape of its class
     * @throws UnknownTopicException     when the topic names no known class
     * @throws ShreddedException         when the state is personal data of a subject whose key
     *                                   was deleted
     * @throws DecryptionException       when the state cannot be decrypted with this mapper's key
     * @throws MissingUpcasterException  when the data is older than its class and an upcaster is missing
     * @throws UndecodableStateException when the state cannot be decompressed or decoded, or does
     *                                   not fit the class
     */
    public DomainEvent<?> toDomainEvent(StoredEvent stored) {
        Objects.requireNonNull(stored, "stored");
        return read(stored, format.reading(resolve(stored)));
    }

    /**
     * Stored events turned back into domain events, in order, each as {@link #toDomainEvent}
     * turns it, with the same errors. A run of events of one topic (an aggregate's events
     * mostly are) resolves the topic, and how its class is read, once: the registry looks a topic
     * up by its hash, which a topic read from a database has not computed yet, and hashing it cost
     * about a tenth of decoding a small event. The registry only grows: a topic resolves alike.
     */
    List<DomainEvent<?>> toDomainEvents(List<StoredEvent> stored) {
        List<DomainEvent<?>> events = new ArrayList<>(stored.size());
        String topic = null;
        StateFormat.Reading reading = null;
        for (StoredEvent event : stored) {
            Objects.requireNonNull(event, "stored");
            if (!event.topic().equals(topic)) {
                reading = format.reading(resolve(event));
                topic = event.topic();
            }
            events.add(read(event, reading));
        }
        return events;
    }

    private Class<?> resolve(StoredEvent stored) {
        try {
            return topics.resolve(stored.topic());
        } catch (UnknownTopicException e) {
            throw new UnknownTopicException(e.topic(), cannotRead(stored) + e.getMessage(), e);
        }
    }

    private DomainEvent<?> read(StoredEvent stored, StateFormat.Reading reading) {
        return format.read(stored, reading, decipher(stored), cipher != null || compressor != null);
    }

    /**
     * Makes classes known to this mapper from now on, as {@link Builder#declare} does: e.g. the
     * aggregate class of a repository.
     *
     * @param types the classes to make known, with what they bring
     * @throws IllegalArgumentException when a class has no usable topic, or its topic names
     *         another known class
     */
    public void declare(Class<?>... types) {
        topics.declare(types);
    }

    /**
     * Makes a class known, as {@link #declare} does, and gives every topic that reads as it (see
     * {@link TopicRegistry#topicsOf}): what a query selecting a class's stored events by topic
     * names.
     *
     * @param type a concrete class with a usable topic
     * @return its topics: the one it is written under, and old ones that read as it
     * @throws IllegalArgumentException when the class has no usable topic, or its topic names
     *         another known class
     */
    public Set<String> topicsOf(Class<?> type) {
        topics.declare(type);
        return topics.topicsOf(type);
    }

    /** @return the classes whose topics this mapper reads now: declared, written or registered ones */
    public Set<Class<?>> knownClasses() {
        return topics.knownClasses();
    }

    /**
     * The class a topic names, without decoding any state: so that a reader can pass over the
     * events it does not observe without paying for (or failing on) their decoding.
     *
     * @param topic a stored event's topic; not null
     * @return the known class it names
     * @throws UnknownTopicException when the topic names no known class
     */
    public Class<?> eventType(String topic) {
        return topics.resolve(Objects.requireNonNull(topic, "topic"));
    }

    private byte[] decipher(StoredEvent stored) {
        byte[] bytes;
        Optional<UUID> subject = subjectOf(stored);
        if (subject.isPresent()) {
            bytes = decryptPersonal(stored, subject.get());
        } else if (cipher != null) {
            try {
                bytes = cipher.decrypt(stored.state(), CipherContext.of(applicationName, stored));
            } catch (RuntimeException e) {
                throw new DecryptionException(cannotDecrypt(stored) + e.getMessage(), e);
            }
        } else {
            bytes = readOnly(stored);
        }
        if (compressor != null) {
            try {
                bytes = compressor.decompress(bytes);
            } catch (RuntimeException e) {
                throw new UndecodableStateException(cannotRead(stored) + e.getMessage(), e);
            }
        }
        return bytes;
    }

    // The stored state itself when only the library's own code reads it (this transcoder, no
    // compressor), as a replay of thousands of states does; a copy for a compressor or a
    // transcoder of the user's, which might change its input.
    private byte[] readOnly(StoredEvent stored) {
        return compressor == null && transcoder instanceof JacksonTranscoder ? stored.sharedState() : stored.state();
    }

    private Optional<UUID> subjectOf(StoredEvent stored) {
        try {
            return SubjectKeys.subjectOf(stored.sharedState());
        } catch (DecryptionException e) {
            throw new DecryptionException(cannotDecrypt(stored) + e.getMessage(), e);
        }
    }

    private byte[] decryptPersonal(StoredEvent stored, UUID subject) {
        if (subjectKeys == null) {
            throw new DecryptionException(cannotDecrypt(stored) + "it is encrypted with the key of subject " + subject
                    + ", and this mapper has no subject keys");
        }
        try {
            return subjectKeys.decrypting(subject).decrypt(stored.state(), CipherContext.of(applicationName, stored));
        } catch (ShreddedException e) {
            throw new ShreddedException(subject, cannotRead(stored) + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DecryptionException(cannotDecrypt(stored) + e.getMessage(), e);
        }
    }

    /**
     * Whether the stored event carries personal data whose subject's key was deleted: it can
     * never be read again. Reads the state's header only, and the subject's key.
     *
     * @param stored the stored event; not null
     * @return true when its subject's key is deleted; false for an event that is not personal
     *         data, or when this mapper keeps no subject keys
     */
    public boolean shredded(StoredEvent stored) {
        Optional<UUID> subject = SubjectKeys.subjectOf(Objects.requireNonNull(stored, "stored").state());
        return subject.isPresent() && subjectKeys != null && subjectKeys.shredded(subject.get());
    }

    /**
     * The notification as a reader without this application's subject keys can read it (a
     * follower in another deployment, over the HTTP notification log): a personal event's state
     * decrypted with its subject's key and encrypted as the mapper encrypts other events (with
     * its cipher, or not at all), and a shredded one {@linkplain Notification#asShredded marked
     * so}, without state. Other notifications, and personal ones that do not decrypt (the reader
     * then meets the same error), are returned as they are.
     *
     * @param notification a notification of this mapper's application
     * @return the notification as a reader without the subject keys can read it; the same one
     *         when nothing needs changing
     */
    public Notification portable(Notification notification) {
        if (notification.shredded() || subjectKeys == null) {
            return notification;
        }
        StoredEvent stored = notification.storedEvent();
        Optional<UUID> subject;
        byte[] plaintext;
        try {
            subject = SubjectKeys.subjectOf(stored.state());
            if (subject.isEmpty()) {
                return notification;
            }
            plaintext = decryptPersonal(stored, subject.get());
        } catch (ShreddedException e) {
            return notification.asShredded();
        } catch (DecryptionException e) {
            return notification;
        }
        byte[] state = cipher == null ? plaintext : cipher.encrypt(plaintext, CipherContext.of(applicationName, stored));
        return new Notification(notification.id(), notification.originatorId(), notification.originatorVersion(),
                notification.topic(), state);
    }

    /**
     * The stored event with its state encrypted as this mapper's cipher encrypts now (its
     * current key and format), for re-encryption after a key rotation: the same stored event
     * when it is already, when the mapper has no cipher, or when the state is personal data
     * (encrypted with its subject's key, which the application's keys only wrap). The state is not decoded, so the
     * topic need not name a known class.
     *
     * @param stored the stored event; not null
     * @return the stored event with its state re-encrypted, or the same one when nothing changes
     * @throws DecryptionException when the state cannot be decrypted with this mapper's keys
     */
    public StoredEvent reencrypt(StoredEvent stored) {
        Objects.requireNonNull(stored, "stored");
        if (cipher == null || subjectOf(stored).isPresent()) {
            return stored;
        }
        byte[] state = stored.state();
        byte[] again;
        try {
            again = cipher.reencrypt(state, CipherContext.of(applicationName, stored));
        } catch (RuntimeException e) {
            throw new DecryptionException(cannotDecrypt(stored) + e.getMessage(), e);
        }
        return again == state ? stored
                : new StoredEvent(stored.originatorId(), stored.originatorVersion(), stored.topic(), again);
    }

    /**
     * The subject's key wrapped as this mapper's cipher wraps now (its current key), for
     * re-encryption after a key rotation: the same key when it already is, is shredded, or the
     * mapper has no cipher.
     *
     * @param key a subject's key as its recorder keeps it; not null
     * @return the key wrapped with the current key, or the same one when nothing changes
     * @throws IllegalStateException when the mapper keeps no subject keys
     * @throws DecryptionException   when the wrapped key does not unwrap with this mapper's keys
     */
    public SubjectKey reencrypt(SubjectKey key) {
        Objects.requireNonNull(key, "key");
        if (subjectKeys == null) {
            throw new IllegalStateException("This mapper keeps no subject keys");
        }
        return subjectKeys.rewrap(key);
    }

    private String cannotDecrypt(StoredEvent stored) {
        return "Cannot decrypt stored event (" + CipherContext.of(applicationName, stored).describe() + "): ";
    }

    static String cannotRead(StoredEvent stored) {
        return "Cannot read stored event (topic '" + stored.topic() + "', originator " + stored.originatorId()
                + ", version " + stored.originatorVersion() + "): ";
    }

    /** @return the compressor; empty when the mapper does not compress */
    public Optional<Compressor> compressor() {
        return Optional.ofNullable(compressor);
    }

    /** @return the cipher; empty when the mapper does not encrypt */
    public Optional<Cipher> cipher() {
        return Optional.ofNullable(cipher);
    }

    private SubjectKeys subjectKeys() {
        if (subjectKeys == null) {
            throw new MapperException("the event is personal data, to be encrypted with its subject's key, and this"
                    + " mapper has no subject keys (see Mapper.Builder.subjectKeys)");
        }
        return subjectKeys;
    }

    /** @return the recorder of the subject keys; empty when the mapper keeps none */
    public Optional<SubjectKeyRecorder> subjectKeyRecorder() {
        return Optional.ofNullable(subjectKeyRecorder);
    }

    /** @return the name of the application whose events this mapper binds its encryption to; empty when not given */
    public String applicationName() {
        return applicationName;
    }

    /**
     * This mapper, binding encrypted states to another application's name: for a follower that
     * reads a leader's events with its own topics, upcasters and keys.
     *
     * @param applicationName the other application's name; not null
     * @return a mapper sharing this one's configuration and known classes; this mapper when the
     *         name is its own
     */
    public Mapper withApplicationName(String applicationName) {
        return applicationName.equals(this.applicationName) ? this : new Mapper(this, applicationName);
    }

    /** @return the transcoder that encodes states */
    public Transcoder transcoder() {
        return transcoder;
    }

    @Override
    public String toString() {
        return "Mapper[transcoder=" + transcoder.getClass().getSimpleName() + ", compressor=" + compressor
                + ", cipher=" + cipher + "]";
    }

    /** Configures a {@link Mapper}; start from {@link Mapper#builder()}. */
    public static final class Builder {
        private Transcoder transcoder;
        private Compressor compressor;
        private Cipher cipher;
        private String applicationName = "";
        private SubjectKeyRecorder subjectKeyRecorder;
        private TopicRegistry topics = new TopicRegistry();
        private Upcasters upcasters = new Upcasters();

        private Builder() {
        }

        /**
         * Uses this transcoder instead of the default {@link JacksonTranscoder}.
         *
         * @param transcoder the transcoder; not null
         * @return this builder
         */
        public Builder transcoder(Transcoder transcoder) {
            this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
            return this;
        }

        /**
         * Compresses states with this compressor.
         *
         * @param compressor the compressor; {@code null} for no compression (the default)
         * @return this builder
         */
        public Builder compressor(Compressor compressor) {
            this.compressor = compressor;
            return this;
        }

        /**
         * Encrypts states with this cipher.
         *
         * @param cipher the cipher; {@code null} for no encryption (the default)
         * @return this builder
         */
        public Builder cipher(Cipher cipher) {
            this.cipher = cipher;
            return this;
        }

        /**
         * Binds encrypted states to this application's name (see {@link CipherContext}); an
         * {@link InfrastructureFactory} sets its application's. Empty by default. States
         * encrypted under one name do not decrypt under another.
         *
         * @param applicationName the application's name; not null, may be empty
         * @return this builder
         */
        public Builder applicationName(String applicationName) {
            this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
            return this;
        }

        /**
         * Encrypts events of {@link dev.eventsourcing.domain.PersonalData} types with their
         * subjects' keys, kept (wrapped with this mapper's cipher, when it has one) by this
         * recorder; an {@link InfrastructureFactory} sets its application's. Without one, writing
         * personal data fails, and reading it fails with a {@link DecryptionException}.
         *
         * @param recorder the recorder of the subjects' keys; {@code null} for none (the default)
         * @return this builder
         */
        public Builder subjectKeys(SubjectKeyRecorder recorder) {
            this.subjectKeyRecorder = recorder;
            return this;
        }

        /**
         * Starts from a copy of these topic registrations, replacing those made so far.
         *
         * @param topics the registrations to copy; not null
         * @return this builder
         */
        public Builder topics(TopicRegistry topics) {
            this.topics = Objects.requireNonNull(topics, "topics").copy();
            return this;
        }

        /**
         * Makes classes known to the mapper, so that their topics read as them: an aggregate
         * class brings its event classes and its snapshots, a sealed type its permitted
         * subclasses; see {@link TopicRegistry#declare(Class[])}.
         *
         * @param types the classes to make known
         * @return this builder
         * @throws IllegalArgumentException when a class has no usable topic, or its topic names
         *         another known class
         */
        public Builder declare(Class<?>... types) {
            topics.declare(types);
            return this;
        }

        /**
         * Makes classes known to the mapper, as {@link #declare(Class[])} does.
         *
         * @param types the classes to make known
         * @return this builder
         * @throws IllegalArgumentException when a class has no usable topic, or its topic names
         *         another known class
         */
        public Builder declare(Iterable<? extends Class<?>> types) {
            topics.declare(types);
            return this;
        }

        /**
         * Makes {@code oldTopic} read as {@code type}; see {@link TopicRegistry#register}.
         *
         * @param oldTopic the topic events of the class were stored under before, e.g. before a
         *                 rename; not blank
         * @param type     the class it reads as now
         * @return this builder
         * @throws IllegalArgumentException when the topic is blank, or names another class already
         */
        public Builder topic(String oldTopic, Class<?> type) {
            topics.register(oldTopic, type);
            return this;
        }

        /**
         * Starts from a copy of these upcasters, replacing those added so far.
         *
         * @param upcasters the upcasters to copy; not null
         * @return this builder
         */
        public Builder upcasters(Upcasters upcasters) {
            this.upcasters = Objects.requireNonNull(upcasters, "upcasters").copy();
            return this;
        }

        /**
         * Adds an upcaster; see {@link Upcasters#register}. The class becomes known to the
         * mapper, as {@link #declare} makes it: its old events are meant to be read.
         *
         * @param type        the class whose data the step converts
         * @param fromVersion the class version the step converts from, to the next
         * @param step        the conversion of the data's JSON tree
         * @return this builder
         * @throws IllegalArgumentException as {@link Upcasters#register} and {@link #declare} do
         */
        public Builder upcaster(Class<?> type, int fromVersion, UnaryOperator<ObjectNode> step) {
            upcasters.register(type, fromVersion, step);
            topics.declare(type);
            return this;
        }

        /** @return a new mapper with this builder's configuration, copying its registries */
        public Mapper build() {
            return new Mapper(this);
        }
    }
}
