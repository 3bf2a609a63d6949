package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ApplicationRecorderTestCase;

class InMemoryApplicationRecorderTest extends ApplicationRecorderTestCase<InMemoryApplicationRecorder> {

    @Override
    protected InMemoryApplicationRecorder createRecorder() {
        return new InMemoryApplicationRecorder();
    }
}
