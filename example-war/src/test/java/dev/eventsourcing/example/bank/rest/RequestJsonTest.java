package dev.eventsourcing.example.bank.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits on request bodies, without a server: each one exactly reached, then exceeded. */
class RequestJsonTest {

    @Test
    void aBodyOf64KiBIsReadAndOneByteMoreIsRefused() {
        String json = "{\"amount\":\"1.00\"}";
        String exactly = json + " ".repeat(65536 - json.length());

        assertEquals("1.00", RequestJson.read(stream(exactly)).get("amount").textValue());
        assertRefused("body_too_large", exactly + " ");
    }

    @Test
    void aRefusedBodyIsReadToItsEndWithoutBeingKept() {
        ByteArrayInputStream fiveMiB = new ByteArrayInputStream(new byte[5 << 20]);

        ApiException e = assertThrows(ApiException.class, () -> RequestJson.read(fiveMiB));

        assertEquals("body_too_large", e.code());
        assertEquals("The request body must be at most 65536 bytes", e.getMessage());
        assertEquals(0, fiveMiB.available());
    }

    @Test
    void anEndlessBodyIsReadNoFurtherThan16MiBAfterTheLimit() {
        Endless endless = new Endless();

        ApiException e = assertThrows(ApiException.class, () -> RequestJson.read(endless));

        assertEquals("body_too_large", e.code());
        assertEquals(65537 + (16 << 20), endless.read);
    }

    @Test
    void objectsAndArraysMayNest16DeepAndNoDeeper() {
        assertEquals(16, depth(RequestJson.read(stream("{\"a\":" + nested(15) + "}"))));
        assertRefused("json_too_complex", "{\"a\":" + nested(16) + "}");
        assertRefused("json_too_complex", nested(10_000));
    }

    @Test
    void numbersAndNamesMayHave100CharactersAndNoMore() {
        assertEquals(100, RequestJson.read(stream("{\"a\":" + "9".repeat(100) + "}")).get("a").asText().length());
        assertRefused("json_too_complex", "{\"a\":" + "9".repeat(101) + "}");
        assertEquals(1, RequestJson.read(stream("{\"" + "n".repeat(100) + "\":1}")).size());
        assertRefused("json_too_complex", "{\"" + "n".repeat(101) + "\":1}");
    }

    @Test
    void aFieldGivenTwiceOrTextAfterTheValueIsMalformed() {
        assertRefused("malformed_json", "{\"amount\":\"1.00\",\"amount\":\"2.00\"}");
        assertRefused("malformed_json", "{\"amount\":\"1.00\"} {}");
        assertRefused("malformed_json", "{\"amount\":\"1.00\"} x");
    }

    @Test
    void anEmptyBodyIsAMissingValue() {
        assertTrue(RequestJson.read(stream("")).isMissingNode());
        assertTrue(RequestJson.read(stream(" \n")).isMissingNode());
    }

    private static void assertRefused(String code, String body) {
        ApiException e = assertThrows(ApiException.class, () -> RequestJson.read(stream(body)));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(400, e.status().getStatusCode());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body that never ends: spaces, counting how many were read. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) ' ');
            read += length;
            return length;
        }
    }
}
