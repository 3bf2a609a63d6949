package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;

class InMemoryTrackingRecorderTest extends TrackingRecorderTestCase<InMemoryTrackingRecorder> {

    @Override
    protected InMemoryTrackingRecorder createRecorder() {
        return new InMemoryTrackingRecorder();
    }
}
