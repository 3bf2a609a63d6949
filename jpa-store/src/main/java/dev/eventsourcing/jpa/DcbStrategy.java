package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.persistence.IntegrityException;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The database-specific steps of {@link JpaDcbRecorder}: how positions are reserved so that
 * readers never skip one, how far a reader may read, and how a conditional append is made safe.
 * Each follows the notification log's mechanism on the same database ({@link DatabaseStrategy}),
 * on the application's own row of {@code es_applications} ({@link DcbRows#logName}). Every
 * method runs inside the caller's unit of work.
 */
interface DcbStrategy {

    /** Registers the application's row (and on PostgreSQL its sequence) unless it is registered. */
    void register(EntityManager em, String application);

    /**
     * The highest position of the application that reads may return: every position at or below
     * it is settled, and so visible to a statement that follows. Call it in a statement before the
     * read's own.
     *
     * @return the highest stored position at or below the bound, 0 when there is none
     */
    long bound(EntityManager em, String application);

    /**
     * Appends the events, all or none, with consecutive positions, if the condition holds.
     *
     * @param condition the condition, or {@code null} for none
     * @return the position of the last event
     * @throws DcbConditionFailedException when an event matching the condition's query has a
     *     position after the condition's; nothing of the append is left in the unit of work
     * @throws IntegrityException when an event's id is stored already; nothing is left either
     */
    long append(EntityManager em, String application, List<DcbEvent> events, DcbAppendCondition condition);

    /** @return how reads join the events to the positions their items select (see {@link DcbSelects}) */
    DcbSelects.Join join();

    /**
     * The DCB steps that go with a database strategy: PostgreSQL's watermark, or the counter row
     * of MariaDB, H2 and serialised PostgreSQL. A strategy of another kind gets those of its
     * schema's database.
     */
    static DcbStrategy of(DatabaseStrategy database) {
        if (database instanceof CounterRowStrategy counterRow) {
            return new CounterRowDcbStrategy(counterRow, counterRow.dialect());
        }
        if (database instanceof PostgresWatermarkStrategy || database.schema() == DatabaseSchema.POSTGRESQL) {
            return new PostgresDcbStrategy();
        }
        return new CounterRowDcbStrategy(database, SqlDialect.of(database.schema()));
    }
}
