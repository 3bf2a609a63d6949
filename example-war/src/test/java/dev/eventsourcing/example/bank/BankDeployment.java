package dev.eventsourcing.example.bank;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that the build packaged, as the tests deploy it. */
public final class BankDeployment {

    private BankDeployment() {
    }

    /** The packaged {@code bank.war}, exactly as built (its path comes from the build). */
    public static WebArchive war() {
        String path = System.getProperty("bank.war", "target/bank.war");
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException("The packaged WAR is missing at " + file.getAbsolutePath()
                    + "; run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, file);
    }
}
