package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManagerFactory;

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
        public void recorded(String log, EntityManagerFactory unit) {
        }
    };

    /** Calls {@code watcher} soon after each commit that recorded in the log, in any process told. */
    CommitWatch watch(String log, Runnable watcher);

    /**
     * Called after a unit of work that recorded in the log has returned: tells of it once the
     * transaction it ran in has committed (at once when that was its own).
     *
     * @param unit the persistence unit of the entity manager the unit of work ran with
     */
    void recorded(String log, EntityManagerFactory unit);

    /**
     * The signals for recorders on this database and these transactions: {@link PostgresPush}
     * for {@link DatabaseStrategy#postgresql()} when {@code push} is on, else {@link #NONE}.
     *
     * @param afterCommit runs the announcement after the commit of the transaction the recorders
     *                    join; null when that cannot be known, then nothing is announced
     */
    static CommitSignals of(DatabaseStrategy database, JpaTransactions transactions, Transactions afterCommit, boolean push) {
        if (!push || !(database instanceof PostgresWatermarkStrategy)) {
            return NONE;
        }
        return new PostgresPush.Signals(transactions, afterCommit);
    }

    /** The default of recorders made without settings: push on PostgreSQL, announced after the commits that their transactions tell of. */
    static CommitSignals of(DatabaseStrategy database, JpaTransactions transactions) {
        return of(database, transactions, transactions instanceof Transactions told ? told : null, true);
    }
}
