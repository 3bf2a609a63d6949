package dev.eventsourcing.example.bank.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.example.bank.domainmodel.InvalidAmountException;
import dev.eventsourcing.example.bank.domainmodel.Money;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * A request body: a JSON object, read by {@link RequestJson} under its limits, whose fields are
 * read with checks. Each failure is a 400 {@link ApiException} naming the field
 * ({@code malformed_json}, {@code missing_field}, {@code invalid_field}, {@code field_too_long}),
 * except that an amount that is not money the bank accepts is an {@link InvalidAmountException},
 * which {@link ErrorMapper} answers with {@code invalid_amount}.
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
        String text = text(field);
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw ApiException.badRequest("field_too_long", "Field '" + field + "' must be at most " + maxLength
                    + " characters, was " + length);
        }
        return text;
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

    private String text(String field) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string");
        }
        if (value.textValue().isBlank()) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' must not be blank");
        }
        return value.textValue().strip();
    }

    /** A decimal string such as {@code "10.00"}, or a JSON number, with at most two decimal places. */
    private BigDecimal money(String field) {
        JsonNode value = present(field);
        if (!value.isTextual() && !value.isNumber()) {
            throw new InvalidAmountException(name(field) + " must be a decimal string such as \"10.00\"");
        }
        return Money.parse(value.asText(), name(field));
    }

    private JsonNode present(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("missing_field", "Field '" + field + "' is missing");
        }
        return value;
    }

    private static String name(String field) {
        return "Field '" + field + "'";
    }
}
