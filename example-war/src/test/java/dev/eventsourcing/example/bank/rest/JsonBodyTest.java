package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.domainmodel.InvalidAmountException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Fields of a request body, without a server: what each accepts and how it refuses the rest. */
class JsonBodyTest {

    @Test
    void aTextFieldMayBeAsLongAsItsLimitAndNotOneCharacterLonger() {
        assertEquals("n".repeat(200), body("{\"fullName\":\" " + "n".repeat(200) + " \"}").text("fullName", 200));

        ApiException e = assertThrows(ApiException.class,
                () -> body("{\"fullName\":\"" + "n".repeat(201) + "\"}").text("fullName", 200));
        assertEquals("field_too_long", e.code());
        assertEquals("Field 'fullName' must be at most 200 characters, was 201", e.getMessage());
    }

    @Test
    void anAmountMayBeAsLargeAsTheMaximumAndNotOneCentLarger() {
        assertEquals(new BigDecimal("1000000000.00"), body("{\"amount\":\"1000000000.00\"}").amount("amount"));
        assertEquals(new BigDecimal("1000000000.00"), body("{\"limit\":1000000000}").limit("limit"));

        InvalidAmountException e = assertThrows(InvalidAmountException.class,
                () -> body("{\"amount\":\"1000000000.01\"}").amount("amount"));
        assertEquals("Field 'amount' must be at most 1000000000.00, was 1000000000.01", e.getMessage());
        assertThrows(InvalidAmountException.class, () -> body("{\"limit\":1000000000.01}").limit("limit"));
    }

    @Test
    void anAmountWrittenAsAJsonNumberKeepsItsDecimalPlaces() {
        assertEquals(new BigDecimal("1000.00"), body("{\"amount\":1000.00}").amount("amount"));
        assertEquals(new BigDecimal("12345678.91"), body("{\"amount\":12345678.91}").amount("amount"));
        assertThrows(InvalidAmountException.class, () -> body("{\"amount\":1e3}").amount("amount"));
        assertThrows(InvalidAmountException.class, () -> body("{\"amount\":1.001}").amount("amount"));
        assertThrows(InvalidAmountException.class, () -> body("{\"amount\":1E+999999999}").amount("amount"));
    }

    @Test
    void anythingButAnObjectIsMalformed() {
        for (String json : new String[] {"", "[1,2]", "\"text\"", "42", "null"}) {
            ApiException e = assertThrows(ApiException.class, () -> body(json));
            assertEquals("malformed_json", e.code(), json);
        }
    }

    private static JsonBody body(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
