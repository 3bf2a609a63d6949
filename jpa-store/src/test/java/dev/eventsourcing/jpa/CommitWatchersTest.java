package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsourcing.persistence.CommitWatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calls of commit watchers: to the watchers of the committed log only, until each watch is closed. */
class CommitWatchersTest {

    private final CommitWatchers commits = new CommitWatchers();
    private final List<String> calls = new ArrayList<>();

    @Test
    void aCommitPromptsEveryWatcherOfItsLogAndNoOther() {
        commits.watch("Bank", () -> calls.add("first"));
        commits.watch("Bank", () -> calls.add("second"));
        commits.watch("Ledger", () -> calls.add("ledger"));

        commits.wake("Bank");

        assertEquals(List.of("first", "second"), calls);
    }

    @Test
    void aClosedWatchIsPromptedNoMoreWhileTheOthersStillAre() {
        Runnable watcher = () -> calls.add("watcher");
        CommitWatch closed = commits.watch("Bank", watcher);
        commits.watch("Bank", watcher);

        closed.close();
        closed.close();
        commits.wake("Bank");

        assertEquals(List.of("watcher"), calls);
    }

    @Test
    void aFailingWatcherKeepsTheOthersPromptedAndTheCommitterUnharmed() {
        commits.watch("Bank", () -> {
            throw new IllegalStateException("expected by the test");
        });
        commits.watch("Bank", () -> calls.add("after"));

        commits.wake("Bank");

        assertEquals(List.of("after"), calls);
    }
}
