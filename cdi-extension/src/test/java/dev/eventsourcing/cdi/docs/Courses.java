package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplication;

/** The README's DCB application. */
public class Courses extends DcbApplication {
    public Courses(Settings settings) { super(settings); }
}
