package dev.eventsourcing.example.courses;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that the build packaged, as the tests deploy it. */
public final class CoursesDeployment {

    private CoursesDeployment() {
    }

    /** The packaged {@code courses.war}, exactly as built (its path comes from the build). */
    public static WebArchive war() {
        File file = new File(System.getProperty("courses.war", "target/courses.war"));
        if (!file.isFile()) {
            throw new IllegalStateException("The packaged WAR is missing at " + file.getAbsolutePath()
                    + "; run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, file);
    }
}
