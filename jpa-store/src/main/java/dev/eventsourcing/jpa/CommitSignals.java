package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;

/**
 * How the JPA recorders of a log tell of their commits and hear of everyone's: on PostgreSQL by
 * {@code LISTEN/NOTIFY} ({@link PostgresPush}), elsewhere not at all ({@link #NONE}), where
 * readers poll and the runner prompts its readers after the commits of its own process.
 */
interface CommitSignals {

    /** Tells nothing and hears nothing. */
    CommitSignals NONE = new CommitSignals() {
        @Override
        public CommitWatch watch(String log, Runnable watcher) {
            return CommitWatch.NONE;
        }

        @Override
        public CommitWatch watchIncludingOwn(String log, Runnable watcher) {
            return CommitWatch.NONE;
        }

        @Override
        public void recorded(String log, EntityManagerFactory unit) {
        }

        @Override
        public Duration pollInterval() {
            return Polling.MAX_INTERVAL;
        }
    };

    /** Calls {@code watcher} soon after each commit that recorded in the log, in any process told. */
    CommitWatch watch(String log, Runnable watcher);

    /**
     * As {@link #watch}, and calls {@code watcher} at once, on the committing thread, after each
     * commit that recorded in the log through the recorders of these signals' unit in this
     * process (see {@link CommitWatchers}): for subscriptions, which nothing else in the process
     * prompts. A runner prompts its readers after its applications' commits itself.
     */
    CommitWatch watchIncludingOwn(String log, Runnable watcher);

    /**
     * Called after a unit of work that recorded in the log has returned: tells of it once the
     * transaction it ran in has committed (at once when that was its own).
     *
     * @param unit the persistence unit of the entity manager the unit of work ran with
     */
    void recorded(String log, EntityManagerFactory unit);

    /**
     * How far apart a subscription that these signals wake still polls, in case an announcement
     * is lost ({@link JpaSettings#pollInterval()}).
     */
    Duration pollInterval();

    /**
     * The signals for recorders on this database and these transactions: {@link PostgresPush}
     * for {@link DatabaseStrategy#postgresql()} when {@code push} is on, else {@link #NONE}.
     *
     * @param afterCommit  runs the announcement after the commit of the transaction the recorders
     *                     join; null when that cannot be known, then nothing is announced
     * @param pollInterval how far apart woken subscriptions still poll
     */
    static CommitSignals of(DatabaseStrategy database, JpaTransactions transactions, Transactions afterCommit,
                            boolean push, Duration pollInterval) {
        if (!push || !(database instanceof PostgresWatermarkStrategy)) {
            return NONE;
        }
        return new PostgresPush.Signals(transactions, afterCommit, pollInterval);
    }

    /** The default of recorders made without settings: push on PostgreSQL, announced after the commits that their transactions tell of. */
    static CommitSignals of(DatabaseStrategy database, JpaTransactions transactions) {
        return of(database, transactions, transactions instanceof Transactions told ? told : null, JpaSettings.DEFAULT_PUSH,
                Duration.ofMillis(JpaSettings.DEFAULT_POLL_INTERVAL));
    }
}
