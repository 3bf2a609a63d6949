package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;

/** The README's application subclass. */
public class Bank extends Application {
    public Bank(Settings settings) { super(settings); }
}
