/**
 * The domain layer of dynamic consistency boundaries. A {@link dev.eventsourcing.dcb.domain.Decision}
 * is a domain event stored with tags that name what it is about; a
 * {@link dev.eventsourcing.dcb.domain.Perspective} selects the decisions one decision depends on
 * with {@link dev.eventsourcing.dcb.domain.Selector}s (its consistency boundary), folds them into
 * its state and triggers new decisions. Three kinds of perspective: an
 * {@link dev.eventsourcing.dcb.domain.EnduringObject} (a thing with an id, whose boundary is its
 * id), a {@link dev.eventsourcing.dcb.domain.Group} of those, and a
 * {@link dev.eventsourcing.dcb.domain.Slice} (any boundary, with an {@code execute} step). The
 * application layer ({@code dev.eventsourcing.dcb.application}) reads and saves them.
 */
package dev.eventsourcing.dcb.domain;
