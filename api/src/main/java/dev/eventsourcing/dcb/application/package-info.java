/**
 * The application layer of dynamic consistency boundaries: a
 * {@link dev.eventsourcing.dcb.application.DcbApplication} made from a name and settings like an
 * event-sourced application, its {@link dev.eventsourcing.dcb.application.DcbRepository} that reads
 * perspectives from a {@link dev.eventsourcing.dcb.DcbRecorder} and saves their decisions on the
 * condition of their boundaries, and the {@link dev.eventsourcing.dcb.application.DcbMapper} that
 * stores decisions as the application's mapper stores events (JSON, compression, encryption).
 */
package dev.eventsourcing.dcb.application;
