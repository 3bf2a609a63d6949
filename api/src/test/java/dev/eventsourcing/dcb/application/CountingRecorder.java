package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.DcbSubscription;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A recorder that passes every call on and notes the positions reads start after and how many events they return. */
final class CountingRecorder implements DcbRecorder {

    private final DcbRecorder recorder;
    private final List<Long> afters = new ArrayList<>();
    private int returned;

    CountingRecorder(DcbRecorder recorder) {
        this.recorder = recorder;
    }

    List<Long> afters() {
        return List.copyOf(afters);
    }

    int returned() {
        return returned;
    }

    @Override
    public OptionalLong head() {
        return recorder.head();
    }

    @Override
    public DcbReadResponse read(DcbQuery query, long after) {
        return counted(recorder.read(query, after), after);
    }

    @Override
    public DcbReadResponse read(DcbQuery query, long after, int limit) {
        return counted(recorder.read(query, after, limit), after);
    }

    private DcbReadResponse counted(DcbReadResponse response, long after) {
        afters.add(after);
        returned += response.events().size();
        return response;
    }

    @Override
    public long append(List<DcbEvent> events) {
        return recorder.append(events);
    }

    @Override
    public long append(List<DcbEvent> events, DcbAppendCondition condition) {
        return recorder.append(events, condition);
    }

    @Override
    public DcbSubscription subscribe(DcbQuery query, long after) {
        return recorder.subscribe(query, after);
    }
}
