package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns values into bytes and back: the first step of a {@link Mapper}. The library's
 * implementation is {@link JacksonTranscoder}, which writes compact UTF-8 JSON.
 *
 * <p>Because stored events are upcast as JSON trees (see {@link Upcasters}), a transcoder must
 * also read its bytes as a Jackson {@link JsonNode} and bind such a tree to a value; the default
 * methods do this through {@link #encode} and {@link #decode}, which therefore must accept
 * {@code JsonNode} as a value and as a target type.
 *
 * <p>Implementations are thread-safe.
 */
public interface Transcoder {

    /**
     * Encodes a value.
     *
     * @param value the value, e.g. a JSON tree or an event's state
     * @return the encoded bytes
     * @throws MapperException when the value's type cannot be encoded
     */
    byte[] encode(Object value);

    /**
     * Decodes bytes made by {@link #encode} as a value of the given type.
     *
     * @param <T>   the type of the value
     * @param bytes the encoded bytes
     * @param type  the class to decode as, {@code JsonNode} included
     * @return the decoded value
     * @throws UndecodableStateException when the bytes are malformed or do not fit the type
     */
    <T> T decode(byte[] bytes, Class<T> type);

    /**
     * Decodes bytes made by {@link #encode} as a JSON tree.
     *
     * @param bytes the encoded bytes
     * @return the tree
     * @throws UndecodableStateException when the bytes are malformed
     */
    default JsonNode decodeTree(byte[] bytes) {
        return decode(bytes, JsonNode.class);
    }

    /**
     * Binds a JSON tree, e.g. one returned by {@link #decodeTree} and then upcast, to a value of
     * the given type.
     *
     * @param <T>  the type of the value
     * @param tree the JSON tree
     * @param type the class to bind it to
     * @return the bound value
     * @throws UndecodableStateException when the tree does not fit the type
     */
    default <T> T treeToValue(JsonNode tree, Class<T> type) {
        return decode(encode(tree), type);
    }
}
