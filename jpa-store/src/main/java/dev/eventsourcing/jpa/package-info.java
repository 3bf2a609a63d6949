/**
 * The JPA event store: recorders that keep events, notification logs and tracking positions in
 * a relational database through a Jakarta Persistence unit, on PostgreSQL, MariaDB or H2, with
 * Hibernate or EclipseLink.
 *
 * <h2>Setting up</h2>
 * <ol>
 * <li>Add the entities to the persistence unit with
 *     {@code <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>}.
 * <li>Create the tables with the DDL script for the database, shipped in this jar:
 *     {@code META-INF/eventsourcing/postgresql.sql}, {@code mariadb.sql} or {@code h2.sql}. They
 *     give the event state its column type ({@code bytea}, {@code LONGBLOB}, {@code VARBINARY}),
 *     which provider schema generation would get wrong, and on PostgreSQL define the functions
 *     the notification log needs. {@link dev.eventsourcing.jpa.JpaSchema#createTables} runs the
 *     script at start-up (every statement is idempotent, and a schema lock lets the nodes of a
 *     cluster start at once).
 * <li>Choose the transactions: {@link dev.eventsourcing.jpa.JpaTransactions#resourceLocal} in
 *     Java SE, {@link dev.eventsourcing.jpa.JpaTransactions#joining} with a container-managed
 *     entity manager in an application server (the recorders then join the caller's JTA
 *     transaction).
 * <li>Make recorders per application: {@link dev.eventsourcing.jpa.JpaApplicationRecorder},
 *     {@link dev.eventsourcing.jpa.JpaProcessRecorder},
 *     {@link dev.eventsourcing.jpa.JpaTrackingRecorder} and, for snapshots,
 *     {@link dev.eventsourcing.jpa.JpaAggregateRecorder}, each with the
 *     {@link dev.eventsourcing.jpa.DatabaseStrategy} of the database, and one
 *     {@link dev.eventsourcing.jpa.JpaParkingRecorder} for the notifications readers park; for
 *     DCB applications, {@link dev.eventsourcing.jpa.JpaDcbRecorder}.
 *     Applications configured by settings ({@code persistence.module=jpa}) get them from
 *     {@link dev.eventsourcing.jpa.JpaInfrastructureFactory}, which also gives a runner the
 *     transactions its readers' recorders join
 *     ({@link dev.eventsourcing.jpa.ThreadBoundTransactions} in Java SE, the container's in a
 *     container). Their settings, keys and defaults, are declared once, in
 *     {@link dev.eventsourcing.jpa.JpaSettings}, which containers read too.
 * </ol>
 *
 * <h2>Guarantees</h2>
 * Several applications share the tables, each with its own notification log (ids from 1).
 * Inserts flush in the call, so a taken version fails there. A reader polling from its last seen
 * id never skips a notification, whatever the number of concurrent writers and however long
 * they take to commit: see {@link dev.eventsourcing.jpa.DatabaseStrategy} for how, per database.
 * Every failure is translated, in one place, to the {@code RecorderException} tree of the api
 * module, with the provider's exception as the cause.
 */
package dev.eventsourcing.jpa;
