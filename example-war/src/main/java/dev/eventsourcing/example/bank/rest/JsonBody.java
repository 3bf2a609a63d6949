package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.domainmodel.InvalidAmountException;
import dev.eventsourcing.example.bank.domainmodel.Money;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * A request body: a JSON object whose fields are read with checks, each failure a
 * {@link ApiException} naming the field ({@code malformed_json}, {@code missing_field},
 * {@code invalid_field}, {@code field_too_long}), except that an amount that is not money the bank accepts is an
 * {@link InvalidAmountException}, which {@link ErrorMapper} answers with {@code invalid_amount}.
 */
final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /** Parses a body that must be one JSON object. */
    static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("malformed_json", "The request body must be a JSON object; it was empty");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("malformed_json", "The request body must be a JSON object, was a "
                        + value.getValueType().toString().toLowerCase(Locale.ROOT));
            }
            return new JsonBody(value.asJsonObject());
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * A string field that must be present and not blank, stripped of the white space around it,
     * and then at most {@code maxLength} characters (Unicode code points) long.
     */
    String text(String field, int maxLength) {
        String text = text(field);
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw ApiException.badRequest("field_too_long", "Field '" + field + "' must be at most " + maxLength
                    + " characters, was " + length);
        }
        return text;
    }

    /** A string field that must be present and not blank. */
    String text(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' is missing");
        }
        if (!(value instanceof JsonString string)) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string");
        }
        if (string.getString().isBlank()) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' must not be blank");
        }
        return string.getString().strip();
    }

    /** An amount to pay in, pay out or transfer: see {@link Money#amount}. */
    BigDecimal amount(String field) {
        return Money.amount(money(field), name(field));
    }

    /** A limit to set: see {@link Money#limit}. */
    BigDecimal limit(String field) {
        return Money.limit(money(field), name(field));
    }

    /** A field holding an id, a canonical UUID. */
    UUID id(String field, String what) {
        return RequestIds.parse(text(field), what);
    }

    /** A decimal string such as {@code "10.00"}, or a JSON number, with at most two decimal places. */
    private BigDecimal money(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' is missing");
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            default -> throw new InvalidAmountException(name(field) + " must be a decimal string such as \"10.00\"");
        };
        return Money.parse(text, name(field));
    }

    private static String name(String field) {
        return "Field '" + field + "'";
    }
}
