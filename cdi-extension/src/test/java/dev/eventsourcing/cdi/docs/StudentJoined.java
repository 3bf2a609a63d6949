package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.dcb.domain.Decision;

/** The README's decision: a student joined a course. */
public record StudentJoined(String course, String student) implements Decision { }
