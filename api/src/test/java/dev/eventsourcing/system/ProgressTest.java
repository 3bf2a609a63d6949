package dev.eventsourcing.system;

import dev.eventsourcing.system.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a worker's progress follows prompts and runs. */
class ProgressTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final Progress progress = new Progress(clock);

    @Test
    void aPromptDuringARunThatReadToTheEndLeavesTheReaderBehindSinceThatPrompt() {
        Instant began = progress.began();
        clock.advance(Duration.ofSeconds(1));
        Instant prompted = clock.instant();
        progress.prompted();
        clock.advance(Duration.ofSeconds(1));

        progress.ended(began, true);

        assertEquals(prompted, progress.snapshot().behindSince());
    }

    @Test
    void aRunThatReadToTheEndWithoutANewPromptCatchesTheReaderUp() {
        progress.prompted();
        clock.advance(Duration.ofSeconds(1));
        Instant began = progress.began();

        progress.ended(began, true);

        assertNull(progress.snapshot().behindSince());
    }

    @Test
    void aRunThatDidNotReadToTheEndLeavesTheReaderBehindSinceTheFirstSuchRun() {
        Instant first = progress.began();
        clock.advance(Duration.ofSeconds(2));
        progress.ended(first, false);
        Instant second = progress.began();
        progress.ended(second, false);

        assertEquals(first, progress.snapshot().behindSince());
    }

    @Test
    void aRefusedWorkerIsReportedSinceTheRefusalUntilItRunsAgain() {
        clock.advance(Duration.ofSeconds(5));
        Instant refused = clock.instant();
        progress.refused();
        assertEquals(new Progress.Snapshot(null, ReaderStatus.Activity.REFUSED, refused, refused), progress.snapshot());

        clock.advance(Duration.ofSeconds(1));
        Instant began = progress.began();
        assertEquals(ReaderStatus.Activity.RUNNING, progress.snapshot().activity());
        progress.ended(began, true);
        assertEquals(ReaderStatus.Activity.IDLE, progress.snapshot().activity());
    }

    @Test
    void aStoppedWorkerStaysStoppedWhateverItIsToldLater() {
        Instant began = progress.began();
        progress.stopped();
        progress.ended(began, true);
        progress.refused();

        assertEquals(ReaderStatus.Activity.STOPPED, progress.snapshot().activity());
    }
}
