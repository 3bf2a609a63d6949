package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;

/** The tracking contract, met by the process recorder's tracking half. */
class InMemoryProcessRecorderTrackingTest extends TrackingRecorderTestCase<InMemoryProcessRecorder> {

    @Override
    protected InMemoryProcessRecorder createRecorder() {
        return new InMemoryProcessRecorder();
    }
}
