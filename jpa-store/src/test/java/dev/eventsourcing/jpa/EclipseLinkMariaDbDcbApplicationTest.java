package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplicationTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DCB application contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkMariaDbDcbApplicationTest extends DcbApplicationTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    protected Settings backendSettings() {
        return DATABASE.freshStoreSettings();
    }
}
