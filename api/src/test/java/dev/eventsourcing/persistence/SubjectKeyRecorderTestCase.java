package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link SubjectKeyRecorder}: the first key recorded for a subject is kept
 * and handed to every later writer, also to concurrent ones; shredding deletes it, keeps a
 * tombstone with the time, and is done once; a shredded subject never gets a key again. A
 * backend runs it by extending this class and implementing {@link #createRecorder()}. Times have
 * millisecond precision, which every database keeps.
 *
 * @param <R> the recorder type under test
 */
public abstract class SubjectKeyRecorderTestCase<R extends SubjectKeyRecorder> {

    private static final Instant SHREDDED_AT = Instant.parse("2026-05-04T09:15:00.250Z");
    private static final Instant LATER = Instant.parse("2026-05-04T10:00:00.500Z");

    /** A new, empty recorder; called once per test. */
    protected abstract R createRecorder();

    /** Another recorder on the same store, as another node has it; by default the same one. */
    protected SubjectKeyRecorder sameStore(R recorder) {
        return recorder;
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[60];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    @Test
    void selectAllPagesThroughTheKeysAndTombstonesInSubjectOrder() {
        R recorder = createRecorder();
        List<SubjectKey> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(recorder.insertIfAbsent(UUID.randomUUID(), key(i)));
        }
        UUID shredded = UUID.randomUUID();
        recorder.shred(shredded, SHREDDED_AT);
        recorded.add(SubjectKey.shredded(shredded, SHREDDED_AT));

        List<SubjectKey> pages = new java.util.ArrayList<>();
        List<SubjectKey> page = recorder.selectAll(null, 2);
        while (!page.isEmpty()) {
            assertTrue(page.size() <= 2);
            pages.addAll(page);
            page = recorder.selectAll(page.get(page.size() - 1).subject(), 2);
        }

        assertEquals(new java.util.HashSet<>(recorded), new java.util.HashSet<>(pages));
        assertEquals(recorded.size(), pages.size());
        assertEquals(pages, recorder.selectAll(null, 10), "one order");
        assertEquals(List.of(), recorder.selectAll(null, 0));
    }

    @Test
    void replaceWrappedKeyReplacesOnlyTheKeyExpected() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));

        assertFalse(recorder.replaceWrappedKey(subject, key(3), key(2)), "not the key recorded");
        assertEquals(Optional.of(SubjectKey.of(subject, key(1))), recorder.select(subject));
        assertTrue(recorder.replaceWrappedKey(subject, key(1), key(2)));
        assertEquals(Optional.of(SubjectKey.of(subject, key(2))), sameStore(recorder).select(subject));
        assertFalse(recorder.replaceWrappedKey(UUID.randomUUID(), key(1), key(2)), "no key at all");
    }

    @Test
    void replaceWrappedKeyNeverBringsAShreddedKeyBack() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));
        recorder.shred(subject, SHREDDED_AT);

        assertFalse(recorder.replaceWrappedKey(subject, key(1), key(2)));

        assertEquals(Optional.of(SubjectKey.shredded(subject, SHREDDED_AT)), recorder.select(subject));
    }

    @Test
    void aSubjectHasNoKeyUntilOneIsInserted() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();

        assertEquals(Optional.empty(), recorder.select(subject));
        SubjectKey inserted = recorder.insertIfAbsent(subject, key(1));

        assertEquals(SubjectKey.of(subject, key(1)), inserted);
        assertEquals(Optional.of(inserted), recorder.select(subject));
    }

    @Test
    void theFirstKeyOfASubjectIsKeptAndHandedToLaterWriters() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));

        SubjectKey second = recorder.insertIfAbsent(subject, key(2));

        assertArrayEquals(key(1), second.wrappedKey());
        assertArrayEquals(key(1), recorder.select(subject).orElseThrow().wrappedKey());
    }

    @Test
    void theKeysOfSubjectsAreKeptApart() {
        R recorder = createRecorder();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        recorder.insertIfAbsent(alice, key(1));
        recorder.insertIfAbsent(bob, key(2));

        recorder.shred(alice, SHREDDED_AT);

        assertTrue(recorder.select(alice).orElseThrow().shredded());
        assertArrayEquals(key(2), recorder.select(bob).orElseThrow().wrappedKey());
    }

    @Test
    void shreddingDeletesTheKeyAndKeepsWhenItWasShredded() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));

        assertTrue(recorder.shred(subject, SHREDDED_AT));

        SubjectKey left = recorder.select(subject).orElseThrow();
        assertEquals(SubjectKey.shredded(subject, SHREDDED_AT), left);
        assertEquals(null, left.wrappedKey());
    }

    @Test
    void aShreddedSubjectNeverGetsAKeyAgain() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));
        recorder.shred(subject, SHREDDED_AT);

        SubjectKey answer = recorder.insertIfAbsent(subject, key(2));

        assertEquals(SubjectKey.shredded(subject, SHREDDED_AT), answer);
        assertEquals(Optional.of(answer), recorder.select(subject));
    }

    @Test
    void shreddingASubjectWithoutAKeyKeepsItFromGettingOne() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();

        assertTrue(recorder.shred(subject, SHREDDED_AT));

        assertTrue(recorder.insertIfAbsent(subject, key(1)).shredded());
        assertEquals(Optional.of(SubjectKey.shredded(subject, SHREDDED_AT)), recorder.select(subject));
    }

    @Test
    void aSubjectIsShreddedOnceAndTheFirstTimeIsKept() {
        R recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));
        recorder.shred(subject, SHREDDED_AT);

        assertFalse(recorder.shred(subject, LATER));

        assertEquals(SHREDDED_AT, recorder.select(subject).orElseThrow().shreddedAt());
    }

    @Test
    void writersThatMakeTheFirstKeyOfASubjectAtOnceAllGetTheSameKey() {
        R recorder = createRecorder();
        SubjectKeyRecorder other = sameStore(recorder);
        for (int round = 0; round < 5; round++) {
            UUID subject = UUID.randomUUID();
            List<SubjectKey> answers = Concurrently.run(8, Duration.ofSeconds(60),
                    i -> (i % 2 == 0 ? recorder : other).insertIfAbsent(subject, key(i)));

            Set<SubjectKey> distinct = answers.stream().collect(Collectors.toSet());
            assertEquals(1, distinct.size(), "round " + round + ": " + distinct);
            assertEquals(Optional.of(answers.get(0)), recorder.select(subject));
        }
    }

    @Test
    void writersThatShredOneSubjectAtOnceShredItOnce() {
        R recorder = createRecorder();
        SubjectKeyRecorder other = sameStore(recorder);
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, key(1));

        List<Boolean> answers = Concurrently.run(6, Duration.ofSeconds(60),
                i -> (i % 2 == 0 ? recorder : other).shred(subject, SHREDDED_AT.plusMillis(i)));

        assertEquals(1, answers.stream().filter(Boolean::booleanValue).count(), answers.toString());
        assertTrue(recorder.select(subject).orElseThrow().shredded());
    }

    @Test
    void aKeyIsNeverPrintedInText() {
        SubjectKey key = SubjectKey.of(UUID.randomUUID(), key(1));

        assertFalse(key.toString().contains(java.util.Arrays.toString(key(1))), key.toString());
        assertTrue(key.toString().contains("live"), key.toString());
    }
}
