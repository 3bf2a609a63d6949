/**
 * Projections of DCB applications: a {@link dev.eventsourcing.dcb.projection.DcbProjection}
 * receives each decision of a {@link dev.eventsourcing.dcb.application.DcbApplication} exactly
 * once, in order of position, with its position recorded in the same transaction as its writes,
 * run by the {@link dev.eventsourcing.system.MultiThreadedRunner} like any projection.
 */
package dev.eventsourcing.dcb.projection;
