package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ParkingRecorderTestCase;

class InMemoryParkingRecorderTest extends ParkingRecorderTestCase<InMemoryParkingRecorder> {

    @Override
    protected InMemoryParkingRecorder createRecorder() {
        return new InMemoryParkingRecorder();
    }
}
