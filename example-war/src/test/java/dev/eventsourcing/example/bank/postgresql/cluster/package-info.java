/**
 * A cluster of real WildFly servers for tests: {@link dev.eventsourcing.example.bank.postgresql.cluster.WildFlyNode}
 * runs one server as an operating-system process on a base directory of its own (started,
 * stopped, killed with SIGKILL, started again), {@code ClusterWar} points a copy of the
 * PostgreSQL WAR at the cluster's own database, and {@code ClusterIT} runs the bank on two
 * nodes while one of them is killed and restarted. Runs only in the PostgreSQL build.
 */
package dev.eventsourcing.example.bank.postgresql.cluster;
