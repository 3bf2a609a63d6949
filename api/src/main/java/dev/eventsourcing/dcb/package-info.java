/**
 * Dynamic consistency boundaries: the recorder contract. An event ({@link dev.eventsourcing.dcb.DcbEvent})
 * has a type, data and tags that name the things in the world it is about ({@code course:42},
 * {@code student:7}). A command reads exactly the events its decision depends on, selected by a
 * {@link dev.eventsourcing.dcb.DcbQuery} of types and tags, decides, and appends its new events
 * on a {@link dev.eventsourcing.dcb.DcbAppendCondition}: that no event matching the same query
 * was appended after the position it read up to. So an invariant that spans several entities
 * needs neither a process manager nor a reservation aggregate. A
 * {@link dev.eventsourcing.dcb.DcbRecorder} stores the events in one total order of positions;
 * backends implement it in packages of their own.
 */
package dev.eventsourcing.dcb;
