/**
 * Systems of applications: process applications that turn their leaders' events into events of
 * their own, exactly once; the definition of which application follows which; and runners that
 * run a system, such as the single-threaded runner for fast tests on the in-memory store.
 */
package dev.eventsourcing.system;
