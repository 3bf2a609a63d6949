package dev.eventsourcing.example.scaleout;

import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the scale-out test adds to a copy of the bank's WAR: the {@link Samples} application and
 * its aggregate, the {@link SlowProjection} with its table, and the test-only
 * {@link BacklogResource} under the bank's API.
 */
public final class ScaleOutDeployment {

    private ScaleOutDeployment() {
    }

    /**
     * Adds the classes and the table's script to the archive.
     *
     * @param war the copy of the bank's WAR
     */
    public static void addTo(WebArchive war) {
        war.addClasses(Sample.class, Sample.Event.class, Sample.Created.class, Sample.Ticked.class, Samples.class,
                        SlowProjection.class, ScaleOutSchema.class, BacklogResource.class)
                .addAsResource(new ClassLoaderAsset("scaleout/handled.sql"), ScaleOutSchema.SCRIPT);
    }
}
