/**
 * The JPA entities behind the JPA recorders: stored events with their notification ids, events
 * without a total order (snapshots), tracking positions, notifications that readers parked, and
 * one row per application that holds its notification counter.
 *
 * <p>Nothing here appears in a public signature: the recorders in {@code dev.eventsourcing.jpa}
 * map these entities to the records of the {@code api} module. The mappings are standard JPA
 * only (no provider annotations) and declare no {@code @Lob}, so that Hibernate and EclipseLink
 * read and write the same tables; the column types come from the DDL scripts shipped in
 * {@code META-INF/eventsourcing/}. List the entities in a persistence unit with
 * {@code <mapping-file>META-INF/eventsourcing/orm.xml</mapping-file>}.
 */
package dev.eventsourcing.jpa.entity;
