package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.SnapshotJoiningRecorderTestCase;

class InMemorySnapshotJoiningRecorderTest extends SnapshotJoiningRecorderTestCase<InMemoryApplicationRecorder> {

    @Override
    protected InMemoryApplicationRecorder createRecorder() {
        return new InMemoryApplicationRecorder();
    }

    @Override
    protected AggregateRecorder createSnapshotRecorder(InMemoryApplicationRecorder events) {
        return new InMemoryAggregateRecorder();
    }
}
