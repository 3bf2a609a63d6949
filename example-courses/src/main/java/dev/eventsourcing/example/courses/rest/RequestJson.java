package dev.eventsourcing.example.courses.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies as JSON under limits that make hostile input cheap to refuse: at most
 * {@link #MAX_BYTES} bytes, nested at most {@link #MAX_DEPTH} deep, each field name once. Every
 * failure is a 400 {@link ApiException}: {@code body_too_large}, {@code json_too_complex},
 * {@code malformed_json} or {@code unreadable_body}.
 */
final class RequestJson {

    /** The most bytes a body may have; the API's commands need a few hundred. */
    static final int MAX_BYTES = 16 * 1024;
    /** How deeply objects and arrays may nest; the API's commands are flat objects. */
    static final int MAX_DEPTH = 16;
    /** The most digits a number may have, and characters a field name. */
    static final int MAX_TOKEN_LENGTH = 100;
    /** How much more of a body over {@link #MAX_BYTES} is read, and dropped, before it is refused. */
    static final int MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_TOKEN_LENGTH)
                            .maxNameLength(MAX_TOKEN_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestJson() {
    }

    /** The JSON value of a body (UTF-8; a missing node when the body is empty). */
    static JsonNode read(InputStream body) {
        return parse(bounded(body));
    }

    private static byte[] bounded(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "The request body could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            discard(body);
            throw ApiException.badRequest("body_too_large", "The request body must be at most " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    // Payara (Grizzly) leaves the rest of a body unread on a kept-alive connection, so that a
    // client still sending it would see the answer only when the connection times out.
    private static void discard(InputStream body) {
        byte[] buffer = new byte[8192];
        long left = MAX_DISCARDED_BYTES;
        try {
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException e) {
            // The client stopped sending; the answer is the same.
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("json_too_complex", "The request body must nest at most " + MAX_DEPTH
                    + " levels deep, with numbers of at most " + MAX_TOKEN_LENGTH + " digits and field names of at"
                    + " most " + MAX_TOKEN_LENGTH + " characters");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Parsing bytes in memory cannot fail to read them", e);
        }
    }
}
