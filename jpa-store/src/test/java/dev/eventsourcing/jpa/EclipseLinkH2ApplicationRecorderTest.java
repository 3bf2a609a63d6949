package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The aggregate half of the contract on EclipseLink with H2. The full process suite does not run
 * on this pair: its polling reader occasionally misses the last rows committed, for a few
 * milliseconds, with EclipseLink's RESOURCE_LOCAL transactions on H2 (never with Hibernate, nor
 * with EclipseLink on PostgreSQL or MariaDB); see jpa-store/README.md.
 */
class EclipseLinkH2ApplicationRecorderTest extends AggregateRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }
}
