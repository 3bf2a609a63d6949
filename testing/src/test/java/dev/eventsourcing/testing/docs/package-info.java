/** Tests that the module's README shows code that compiles and passes. */
package dev.eventsourcing.testing.docs;
