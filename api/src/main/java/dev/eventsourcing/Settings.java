package dev.eventsourcing;


import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Named configuration values for an application and its infrastructure: a small abstraction
 * that tests fill from a map and that the CDI extension fills from MicroProfile Config.
 *
 * <p>Keys read by this library (all optional; the defaults need no configuration):
 * <table>
 * <caption>Settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #PERSISTENCE_MODULE}</td><td>the persistence backend: {@code inmemory}, or
 *     another module found on the class path such as {@code jpa}</td><td>{@code inmemory}</td></tr>
 * <tr><td>{@value #COMPRESSOR}</td><td>{@code zlib} to compress stored state, {@code none} not
 *     to</td><td>{@code none}</td></tr>
 * <tr><td>{@value #CIPHER_KEY}</td><td>base64 of a 32-byte AES key; when set, stored state is
 *     encrypted with AES-256-GCM, bound to its event (see
 *     {@link dev.eventsourcing.persistence.AesGcmCipher}); the key's id is
 *     {@value dev.eventsourcing.persistence.CipherKey#DEFAULT_ID}</td><td>unset (no encryption)</td></tr>
 * <tr><td>{@value #CIPHER_KEYS}</td><td>several keys with ids, for key rotation: comma-separated
 *     {@code id:base64} entries, the encrypting key first ({@code k2:BASE64,k1:BASE64}); any of
 *     them decrypts the states made with it (see
 *     {@link dev.eventsourcing.persistence.CipherKeys}). Set this or {@value #CIPHER_KEY}, not
 *     both</td><td>unset</td></tr>
 * <tr><td>{@value #CIPHER_ACCEPT_LEGACY}</td><td>whether states encrypted before they carried a
 *     key id, which are not bound to their event, still decrypt; turn off once every state is
 *     re-encrypted</td><td>{@code true}</td></tr>
 * <tr><td>{@value #SNAPSHOTTING_INTERVAL}</td><td>take a snapshot every N versions of every
 *     aggregate</td><td>unset (no automatic snapshots)</td></tr>
 * <tr><td>{@value #SNAPSHOTTING_INTERVAL}{@code .<aggregate class name>}</td><td>the same for one
 *     aggregate class (binary or simple name)</td><td>{@value #SNAPSHOTTING_INTERVAL}</td></tr>
 * <tr><td>{@value #SNAPSHOTTING_ENABLED}</td><td>keep a snapshot store, so that snapshots can be
 *     taken on demand</td><td>{@code true} when an interval is set, else {@code false}</td></tr>
 * <tr><td>{@value #CACHE_MAXSIZE}</td><td>how many aggregates the repository caches (LRU); 0 for
 *     no cache</td><td>0</td></tr>
 * <tr><td>{@value #CACHE_FASTFORWARD}</td><td>bring a cached aggregate up to date with events
 *     stored since it was cached</td><td>{@code true}</td></tr>
 * <tr><td>{@value #AGGREGATE_LOCK_ENABLED}</td><td>queue commands on one aggregate in this JVM
 *     (see {@link dev.eventsourcing.application.Repository#get(java.util.UUID)}) rather than let them
 *     race to the database's version check</td><td>{@code true}</td></tr>
 * <tr><td>{@value #AGGREGATE_LOCK_MAX_WAIT}</td><td>how long, in milliseconds, a command waits for
 *     an aggregate's lock before it goes on without it and the version check decides</td><td>5000</td></tr>
 * <tr><td>{@value #SECTION_SIZE}</td><td>the most notifications one section of the notification
 *     log holds</td><td>100</td></tr>
 * <tr><td>{@value #DECODING_MAX_STATE_BYTES}</td><td>the largest stored state once decompressed,
 *     and the longest JSON document read or written, in bytes; a larger one is undecodable (a
 *     reader parks it) and is not written</td><td>16777216 (16 MiB)</td></tr>
 * <tr><td>{@value #DECODING_MAX_NESTING_DEPTH}</td><td>the deepest nesting of JSON arrays and
 *     objects in a state</td><td>1000</td></tr>
 * <tr><td>{@value #DECODING_MAX_STRING_LENGTH}</td><td>the longest JSON string in a state, in
 *     characters</td><td>16777216</td></tr>
 * <tr><td>{@value #DECODING_MAX_NUMBER_LENGTH}</td><td>the longest JSON number in a state, in
 *     characters</td><td>10000</td></tr>
 * </table>
 *
 * <p>An application first looks a key up prefixed with its own name ({@code Bank.cipher.key}),
 * then without prefix, so that several applications in one process can be configured apart.
 */
@FunctionalInterface
public interface Settings {

    /** The persistence backend: {@code inmemory}, or another module on the class path such as {@code jpa}. */
    String PERSISTENCE_MODULE = "persistence.module";
    /** {@code zlib} to compress stored state, {@code none} not to. */
    String COMPRESSOR = "compressor";
    /** Base64 of the one 32-byte AES key that encrypts stored state. */
    String CIPHER_KEY = "cipher.key";
    /** Several AES keys with ids, {@code id:base64} separated by commas, the encrypting key first. */
    String CIPHER_KEYS = "cipher.keys";
    /** Whether states encrypted before they carried a key id still decrypt. */
    String CIPHER_ACCEPT_LEGACY = "cipher.accept-legacy";
    /** Whether to keep a snapshot store, so that snapshots can be taken on demand. */
    String SNAPSHOTTING_ENABLED = "snapshotting.enabled";
    /** Take a snapshot every N versions; suffixed with {@code .<aggregate class name>} for one class. */
    String SNAPSHOTTING_INTERVAL = "snapshotting.interval";
    /** How many aggregates the repository caches; 0 for no cache. */
    String CACHE_MAXSIZE = "cache.maxsize";
    /** Whether a cached aggregate is brought up to date with events stored since it was cached. */
    String CACHE_FASTFORWARD = "cache.fastforward";
    /** Whether commands on one aggregate queue for it in this JVM instead of racing to the database. */
    String AGGREGATE_LOCK_ENABLED = "aggregate-lock.enabled";
    /** How long, in milliseconds, a command waits for an aggregate's lock before going on without it. */
    String AGGREGATE_LOCK_MAX_WAIT = "aggregate-lock.max-wait";
    /** The most notifications one section of the notification log holds. */
    String SECTION_SIZE = "notification-log.section-size";
    /** The largest stored state once decompressed, and the longest JSON document, in bytes. */
    String DECODING_MAX_STATE_BYTES = "decoding.max-state-bytes";
    /** The deepest nesting of JSON arrays and objects in a stored state. */
    String DECODING_MAX_NESTING_DEPTH = "decoding.max-nesting-depth";
    /** The longest JSON string in a stored state, in characters. */
    String DECODING_MAX_STRING_LENGTH = "decoding.max-string-length";
    /** The longest JSON number in a stored state, in characters. */
    String DECODING_MAX_NUMBER_LENGTH = "decoding.max-number-length";

    /**
     * The value of a key. A blank value counts as not set.
     *
     * @param key the setting's name, such as {@value #COMPRESSOR}
     * @return the value as written, or empty when the key is unset or blank
     */
    Optional<String> get(String key);

    /**
     * No settings at all: every default applies.
     *
     * @return settings in which every key is unset
     */
    static Settings empty() {
        return key -> Optional.empty();
    }

    /**
     * Settings read from a map, copied so that later changes to the map are not seen.
     *
     * @param values values by key; neither keys nor values may be null
     * @return settings answering from the copy, with blank values counting as unset
     */
    static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key)).filter(value -> !value.isBlank());
    }

    /**
     * Settings read from the JVM's system properties, looked up each time a key is asked for.
     *
     * @return settings answering from the current system properties
     */
    static Settings systemProperties() {
        return key -> Optional.ofNullable(System.getProperty(key)).filter(value -> !value.isBlank());
    }

    /**
     * These settings, where a key prefixed with {@code scope + "."} wins over the plain key.
     *
     * @param scope the prefix, usually an application's name; not null
     * @return settings that look up {@code scope.key} first, then {@code key}
     */
    default Settings scoped(String scope) {
        Objects.requireNonNull(scope, "scope");
        return key -> get(scope + "." + key).or(() -> get(key));
    }

    /**
     * These settings, falling back to {@code other} for keys that are not set here.
     *
     * @param other the settings asked second
     * @return settings that answer from these first, then from {@code other}
     */
    default Settings orElse(Settings other) {
        return key -> get(key).or(() -> other.get(key));
    }

    /**
     * A whole number, or {@code defaultValue} when unset.
     *
     * @param key the setting's name
     * @param defaultValue the value to use when the key is unset
     * @return the number written in the setting, else {@code defaultValue}
     * @throws ConfigurationException when the value is not a whole number
     */
    default int getInt(String key, int defaultValue) {
        return getInt(key).orElse(defaultValue);
    }

    /**
     * A whole number, or empty when unset.
     *
     * @param key the setting's name
     * @return the number written in the setting, or empty when the key is unset
     * @throws ConfigurationException when the value is not a whole number
     */
    default Optional<Integer> getInt(String key) {
        return get(key).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("Setting '" + key + "' must be a whole number, was '" + value + "'", e);
            }
        });
    }

    /**
     * A boolean written {@code true/false}, {@code yes/no}, {@code y/n}, {@code on/off} or
     * {@code 1/0}, or {@code defaultValue} when unset.
     *
     * @param key the setting's name
     * @param defaultValue the value to use when the key is unset
     * @return the boolean written in the setting, else {@code defaultValue}
     * @throws ConfigurationException when the value is none of those
     */
    default boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "on", "1" -> true;
            case "false", "no", "n", "off", "0" -> false;
            default -> throw new ConfigurationException(
                    "Setting '" + key + "' must be true or false, was '" + value + "'");
        }).orElse(defaultValue);
    }
}
