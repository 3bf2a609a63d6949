/**
 * The JMS relay: publishes an application's notifications to a queue or topic of the server,
 * one message per notification, in log order per originator, effectively once. Turned on per
 * application by {@value dev.eventsourcing.cdi.relay.RelaySettings#DESTINATION}; a relay is a
 * projection run by the deployment's runner ({@link dev.eventsourcing.cdi.relay.JmsRelay}), and
 * its messages are {@link dev.eventsourcing.cdi.relay.RelayMessage}s. The classes that link
 * against Jakarta Messaging load only when a relay is configured.
 */
package dev.eventsourcing.cdi.relay;
