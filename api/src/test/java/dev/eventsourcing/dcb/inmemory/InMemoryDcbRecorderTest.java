package dev.eventsourcing.dcb.inmemory;

import dev.eventsourcing.dcb.DcbRecorderTestCase;

/** The DCB contract on the in-memory recorder, whose store lives as long as the recorder. */
class InMemoryDcbRecorderTest extends DcbRecorderTestCase<InMemoryDcbRecorder> {

    @Override
    protected InMemoryDcbRecorder createRecorder() {
        return new InMemoryDcbRecorder();
    }

    // The store is the recorder itself: an application that restarts in memory keeps nothing,
    // and one that keeps running keeps this recorder.
    @Override
    protected InMemoryDcbRecorder reopen(InMemoryDcbRecorder recorder) {
        return recorder;
    }
}
