package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ProcessRecorderTestCase;

class InMemoryProcessRecorderTest extends ProcessRecorderTestCase<InMemoryProcessRecorder> {

    @Override
    protected InMemoryProcessRecorder createRecorder() {
        return new InMemoryProcessRecorder();
    }
}
