package dev.eventsourcing.example.scaleout;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;

import java.util.Set;

/** The application whose log the scale-out test's projection follows: it holds the samples. */
public class Samples extends Application {

    /** The application's name, which keys its notification log. */
    public static final String NAME = "Samples";

    public Samples(Settings settings) {
        super(settings);
    }

    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Sample.class);
    }

    /** The samples. */
    public Repository<Sample> samples() {
        return repository(Sample.class);
    }
}
