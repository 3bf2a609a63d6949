/**
 * The machinery behind the extension, not for use by applications: what the extension finds at
 * deployment and how it is validated ({@code Discovery}, {@code Messages}, {@code RepositoryOwners}),
 * how settings come from MicroProfile Config ({@code ConfigSettings}, {@code Options}), how
 * applications and projection beans are made and handed to api's runner ({@code ApplicationSpec},
 * {@code BeanProjection}, {@code RunningSystem}), and the bridges to the container: its entity
 * manager and JTA transactions ({@code ContainerJpa}, {@code JpaWiring}), its managed executor
 * ({@code ManagedExecutor}) and its event bus after commit ({@code ContainerDeployment}). The JPA
 * wiring sits in classes that load only when the JPA backend is chosen, so that in-memory
 * deployments need no JPA on the class path.
 */
package dev.eventsourcing.cdi.internal;
