package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.SubjectKeyRecorderTestCase;

class InMemorySubjectKeyRecorderTest extends SubjectKeyRecorderTestCase<InMemorySubjectKeyRecorder> {

    @Override
    protected InMemorySubjectKeyRecorder createRecorder() {
        return new InMemorySubjectKeyRecorder();
    }
}
