/**
 * The machinery behind the extension, not for use by applications: what the extension found at
 * deployment and how it is validated ({@code Discovery}, {@code Messages}), how settings come from
 * MicroProfile Config ({@code ConfigSettings}, {@code Options}), how applications are made and
 * told about commits ({@code ApplicationSpec}, {@code CdiInfrastructure}), and the running system
 * that dispatches stored events to projections ({@code EventSourcingRuntime},
 * {@code ProjectionWorker}, {@code DispatchTransactions}) from the logs they follow, in this
 * deployment or in another one over HTTP ({@code FollowedLog}, {@code RemoteLeaders}). The JPA wiring sits in classes that
 * load only when the JPA backend is chosen, so that in-memory deployments need no JPA on the
 * class path.
 */
package dev.eventsourcing.cdi.internal;
