/**
 * Systems of applications and the runners that run them: process applications that turn their
 * leaders' events into events of their own, exactly once; the definition of which application
 * follows which ({@link dev.eventsourcing.system.ApplicationSystem}); the single-threaded runner
 * for fast tests; and the {@link dev.eventsourcing.system.MultiThreadedRunner}, which runs a
 * system's process applications, its projections and the logs of other deployments they follow
 * on an executor the caller passes in (a container's managed executor), with the same outcome.
 * A projection may also follow the decisions of a DCB application
 * ({@link dev.eventsourcing.dcb.projection.DcbProjection}): its positions are read as a log, with
 * the same tracking, parking and retries.
 *
 * <p>Inside the multi-threaded runner each reader of each log is a worker: a projection's
 * worker claims the position after its last one in every transaction, so that runners sharing a
 * store (nodes) never process a notification twice; a dispatch runs each worker one batch at a
 * time, at most one task per worker, so that one backlog or hung handler never holds up
 * another; a notification that keeps failing, or cannot be decoded, is parked and the log goes
 * on ({@link dev.eventsourcing.system.ParkedNotifications}), or stops its reader, as the failure
 * policy says. {@link dev.eventsourcing.system.Readers} tells the readers' status and waits for
 * them; {@link dev.eventsourcing.system.RunnerSettings} declares the runner's settings.
 */
package dev.eventsourcing.system;
