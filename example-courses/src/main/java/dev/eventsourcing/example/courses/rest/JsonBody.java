package dev.eventsourcing.example.courses.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;

/**
 * A request body: one JSON object, read by {@link RequestJson}, whose fields are read with
 * checks. Each failure is a 400 {@link ApiException} that names the field: {@code malformed_json},
 * {@code missing_field}, {@code invalid_field} or {@code field_too_long}.
 */
final class JsonBody {

    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /** Reads a body that must be one JSON object. */
    static JsonBody read(InputStream body) {
        JsonNode value = RequestJson.read(body);
        if (value.isMissingNode()) {
            throw ApiException.badRequest("malformed_json", "The request body must be a JSON object; it was empty");
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("malformed_json", "The request body must be a JSON object, was a "
                    + value.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return new JsonBody(value);
    }

    /**
     * A string field that must be present and not blank, stripped of the white space around it,
     * and then at most {@code maxLength} characters (Unicode code points) long.
     */
    String text(String field, int maxLength) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string");
        }
        String text = value.textValue().strip();
        if (text.isEmpty()) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw ApiException.badRequest("field_too_long", "Field '" + field + "' must be at most " + maxLength
                    + " characters, was " + length);
        }
        return text;
    }

    /** A whole-number field (a JSON integer, not a string or a fraction). */
    long whole(String field) {
        JsonNode value = present(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a whole number, was "
                    + value);
        }
        return value.longValue();
    }

    /** A field holding an id, a canonical UUID. */
    UUID id(String field, String what) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string");
        }
        return RequestIds.parse(value.textValue(), what);
    }

    private JsonNode present(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' is missing");
        }
        return value;
    }
}
