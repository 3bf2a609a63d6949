package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.AggregateRecorderTestCase;

class InMemoryAggregateRecorderTest extends AggregateRecorderTestCase<InMemoryAggregateRecorder> {

    @Override
    protected InMemoryAggregateRecorder createRecorder() {
        return new InMemoryAggregateRecorder();
    }
}
