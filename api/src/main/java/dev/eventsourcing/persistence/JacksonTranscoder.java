package dev.eventsourcing.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.eventsourcing.Settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link Transcoder} that writes compact UTF-8 JSON with Jackson.
 *
 * <p>What it reads and writes without any annotation in user classes:
 * <ul>
 * <li>records, through their canonical constructors; enums; UUIDs; {@code Optional};
 *     {@code byte[]} (as base64); lists, sets and maps;</li>
 * <li>{@code BigDecimal}, in plain notation, read back with the same digits and scale;</li>
 * <li>{@code Instant} and the other {@code java.time} types, as ISO-8601 strings to the
 *     nanosecond, keeping offsets and zones;</li>
 * <li>aggregates (subclasses of {@link dev.eventsourcing.domain.Aggregate}, the payloads of
 *     snapshots), field by field, private and final fields included, transient and static ones
 *     excluded: no getters or setters needed;</li>
 * <li>values declared as a sealed type, with their subtype's name in an {@code "@type"}
 *     property.</li>
 * </ul>
 * Non-ASCII text is kept as UTF-8, not escaped.
 *
 * <p>Reading is bounded by {@link DecodingLimits} (document size, nesting depth, string and
 * number length), so that a crafted state fails as an {@link UndecodableStateException} instead of
 * exhausting memory or the stack. Writing is bounded by the same limits: a value whose JSON could
 * not be read back is refused with a {@link MapperException} naming the setting to raise, so
 * whatever is written can be read back.
 *
 * <p>What to know: a field or component declared as an interface gets Jackson's implementation
 * when read ({@code ArrayList}, {@code LinkedHashSet}, {@code LinkedHashMap}, {@code TreeSet} or
 * {@code TreeMap} for sorted ones), in the order written; declare a concrete class to get
 * another. A value declared as {@code Object} or as a non-sealed abstract type is written but
 * cannot be read back as it was: declare a concrete or sealed type, or register a module that
 * reads it. Unknown JSON properties, and record components missing from the JSON, are errors, so
 * that a forgotten upcaster neither drops data nor fills in defaults silently.
 *
 * <p>Add Jackson modules, or change any setting, through the {@link Builder}. A transcoder is
 * immutable and thread-safe.
 */
public final class JacksonTranscoder implements Transcoder {

    private final JsonMapper json;
    private final DecodingLimits limits;
    // Reads a value inside a larger document, which continues after it.
    private final ObjectReader embeddedReader;
    // One direct reader per payload class, made once: forType makes a new Jackson reader and
    // looks its deserializer up on every call, and the binder and scanner take longer still to
    // make, a fixed cost that a replay would pay per run of events and a single read per event.
    // Only classes a mapper resolved from a known topic get here, so it stays small.
    private final Map<Class<?>, DirectStateReader> directReaders = new ConcurrentHashMap<>();

    private JacksonTranscoder(JsonMapper json, DecodingLimits limits) {
        this.json = json;
        this.limits = limits;
        this.embeddedReader = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** @return a new transcoder with the default settings and {@linkplain DecodingLimits#defaults() limits} */
    public static JacksonTranscoder create() {
        return builder().build();
    }

    /** @return a new builder that starts from the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the limits this transcoder reads, and writes, within */
    public DecodingLimits limits() {
        return limits;
    }

    /**
     * {@inheritDoc}
     *
     * @throws MapperException also when the JSON would exceed the {@linkplain #limits() limits}
     *         and so could not be read back
     */
    @Override
    public byte[] encode(Object value) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new MapperException("Cannot encode a value of type " + typeName(value) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
        checkReadable(bytes, value);
        return bytes;
    }

    /**
     * Refuses JSON that this transcoder could not read back. Only a document longer than the
     * shortest string or number limit can break one, so most states skip the scan.
     */
    private void checkReadable(byte[] bytes, Object value) {
        if (bytes.length > limits.maxStateBytes()) {
            throw new MapperException("Cannot encode a value of type " + typeName(value) + ": its JSON has "
                    + bytes.length + " bytes, more than the " + limits.maxStateBytes() + " that may be read back ('"
                    + Settings.DECODING_MAX_STATE_BYTES + "')");
        }
        if (bytes.length <= Math.min(limits.maxStringLength(), limits.maxNumberLength())) {
            return;
        }
        try (JsonParser parser = json.createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    parser.getText(); // a string's length is checked as its text is read; a number's at once
                }
            }
        } catch (IOException e) {
            throw new MapperException("Cannot encode a value of type " + typeName(value) + ": its JSON could not be"
                    + " read back within the limits (" + describe(e) + "); raise the setting named there", e);
        }
    }

    private void checkLength(byte[] bytes) {
        if (bytes.length > limits.maxStateBytes()) {
            throw new UndecodableStateException("The state has " + bytes.length + " bytes, more than the maximum "
                    + limits.maxStateBytes() + " ('" + Settings.DECODING_MAX_STATE_BYTES + "')");
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        Objects.requireNonNull(bytes, "bytes");
        checkLength(bytes);
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UndecodableStateException("Cannot decode JSON as " + type.getName() + ": " + describe(e), e);
        }
    }

    @Override
    public JsonNode decodeTree(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        checkLength(bytes);
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UndecodableStateException("Cannot decode bytes as JSON: " + describe(e), e);
        }
    }

    @Override
    public <T> T treeToValue(JsonNode tree, Class<T> type) {
        try {
            return json.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UndecodableStateException("Cannot decode JSON as " + type.getName() + ": " + describe(e), e);
        }
    }

    /**
     * The reader of states of {@code type} in the layout {@link Mapper} writes, at the class's
     * current version; see {@link DirectStateReader}. Made once per class.
     *
     * @param type the payload class
     * @throws RuntimeException when the class's version cannot be read (a bad {@code @ClassVersion})
     */
    DirectStateReader directReader(Class<?> type) {
        return directReaders.computeIfAbsent(type, this::makeDirectReader);
    }

    private DirectStateReader makeDirectReader(Class<?> type) {
        int version = Upcasters.currentVersion(type);
        RecordBinder binder = RecordBinder.forType(json, type);
        AsciiStateScanner scanner = binder == null ? null : AsciiStateScanner.of(binder, version, limits);
        return new DirectStateReader(json, limits.maxStateBytes(), embeddedReader.forType(type), binder, scanner,
                version);
    }

    /** @return the mapper this transcoder reads and writes with, for the readers of this package */
    JsonMapper json() {
        return json;
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private static String describe(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
    }

    /** Configures a {@link JacksonTranscoder}; start from {@link JacksonTranscoder#builder()}. */
    public static final class Builder {
        private final List<Module> modules = new ArrayList<>();
        private final List<Consumer<JsonMapper.Builder>> customizers = new ArrayList<>();
        private DecodingLimits limits = DecodingLimits.defaults();

        private Builder() {
        }

        /**
         * The limits to read and write within.
         *
         * @param limits the limits; not null ({@link DecodingLimits#defaults()} unless set)
         * @return this builder
         */
        public Builder limits(DecodingLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Adds a Jackson module, e.g. one with serializers for a type of the domain model.
         *
         * @param module the module; not null
         * @return this builder
         */
        public Builder registerModule(Module module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /**
         * Adds a step that changes Jackson's settings; steps run in order after the defaults are
         * set, so they may override them.
         *
         * @param customizer the step, given Jackson's mapper builder; not null
         * @return this builder
         */
        public Builder customize(Consumer<JsonMapper.Builder> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** @return a new transcoder with this builder's limits, modules and steps */
        public JacksonTranscoder build() {
            // Jackson caps what it reads but, apart from nesting, not what it writes: encode()
            // checks that, so that nothing is written that these limits would not read back.
            JsonFactory factory = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(limits.maxStateBytes())
                            .maxNestingDepth(limits.maxNestingDepth())
                            .maxStringLength(limits.maxStringLength())
                            .maxNumberLength(limits.maxNumberLength())
                            .build())
                    .streamWriteConstraints(StreamWriteConstraints.builder()
                            .maxNestingDepth(limits.maxNestingDepth())
                            .build())
                    .build();
            JsonMapper.Builder builder = JsonMapper.builder(factory)
                    .addModule(new JavaTimeModule())
                    .addModule(new Jdk8Module())
                    .annotationIntrospector(new DomainModelIntrospector())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    // BigDecimal: plain digits out; exact digits and scale back in, also in trees.
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    // Jackson's default Set is a HashSet: keep the order in which elements were written.
                    .addModule(new SimpleModule("ordered-sets").addAbstractTypeMapping(Set.class, LinkedHashSet.class));
            modules.forEach(builder::addModule);
            customizers.forEach(customizer -> customizer.accept(builder));
            return new JacksonTranscoder(builder.build(), limits);
        }
    }
}
