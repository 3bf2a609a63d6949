package dev.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of an event record's shape, or of an aggregate class's shape for its snapshots.
 * Classes without it are version 1. Raise it whenever stored data of the old shape can no
 * longer be read as the new one, and register an upcaster from the old version
 * (see {@code dev.eventsourcing.persistence.Upcasters}) so that old events still read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ClassVersion {

    /** @return the current version; at least 1 */
    int value();
}
